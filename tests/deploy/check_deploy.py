#!/usr/bin/python3
"""check_deploy.py: static checks of deploy/ (no container engine needed).

This machine, like CI, has no Docker or Kubernetes, so the deploy files are
checked for what can go wrong without running them: they parse, they refer
to each other consistently (selectors, service names, ports, mounts, the
datasource uid), every CAREEROPS_* variable and config key is a real setting
(asked from the built `careerops config --help`), every metric the dashboard
and alerts name is one the runtime exports (from deploy_metrics_dump), the
Prometheus files pass promtool (including alert unit tests), and the
Dockerfile's runtime stage installs a package for every shared library the
built binary needs.

Usage: check_deploy.py CHECK --src DIR --careerops BIN [--metrics-dump BIN]
  CHECK: compose | k8s | grafana | prometheus | dockerfile
         | run-spec (prints the compose services' commands/environment as
           JSON for the kafka test; needs --secrets-dir)
Exit 0 when the check passes; otherwise every problem is printed.
Uses Debian's python3-yaml (PyYAML) only."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

PROBLEMS = []


def problem(msg):
    PROBLEMS.append(msg)


def load_yaml(path, multi=False):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None] if multi else yaml.safe_load(f)


class Settings:
    """The setting names of the built binary, and config-file validation."""

    def __init__(self, careerops):
        self.bin = careerops
        out = subprocess.run([careerops, "config", "--help"], capture_output=True, text=True, check=True).stdout
        self.names = set()
        self.types = {}  # name -> "string", "integer", ... (the help table's second column)
        in_table = False
        for line in out.splitlines():
            if line.startswith("Settings:"):
                in_table = True
            elif in_table and line.strip():
                cols = line.split()
                self.names.add(cols[0])
                self.types[cols[0]] = cols[1] if len(cols) > 1 else ""
        if len(self.names) < 20:
            raise SystemExit("could not read the settings from `careerops config --help`")
        top = subprocess.run([careerops, "--help"], capture_output=True, text=True).stdout
        self.commands = set(re.findall(r"^  ([a-z]+)\s{2,}\S", top.split("Commands:", 1)[-1], re.M))
        # The one non-setting variable co_conf_load_env accepts (besides TEST_*).
        self.extra_env = {"CAREEROPS_CONFIG"}

    def check_command(self, where, argv):
        if not argv or argv[0] not in self.commands:
            problem(f"{where}: runs `careerops {' '.join(argv or [])}`, not a command of `careerops --help`")

    def env_ok(self, name):
        if name in self.extra_env:
            return True
        return any(name == "CAREEROPS_" + s.replace(".", "_").upper() for s in self.names)

    def check_env(self, where, names):
        for n in names:
            if n.startswith("CAREEROPS_") and not self.env_ok(n):
                problem(f"{where}: {n} is not a CareerOps setting (careerops config --help)")

    def show(self, yaml_text, where):
        """Effective settings of a config file, validated by the binary itself."""
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write(yaml_text)
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith("CAREEROPS_")}
            r = subprocess.run([self.bin, "config", "--show", "-c", f.name], capture_output=True, text=True, env=env)
        finally:
            os.unlink(f.name)
        if r.returncode != 0:
            problem(f"{where}: careerops rejects it: {r.stderr.strip()}")
            return {}
        vals = {}
        for line in r.stdout.splitlines():
            m = re.match(r"^([^=]+)=(.*?)\s+#\s*(\w+)$", line)
            if m:
                vals[m.group(1)] = m.group(2)
        return vals


def port_of(listen):
    return int(listen.rsplit(":", 1)[1])


# ---------------------------------------------------------------- compose

def compose_services(src):
    doc = load_yaml(os.path.join(src, "deploy/compose.yaml"))
    return doc, doc.get("services") or {}


def careerops_instances(services):
    """Services that run `careerops run` from the CareerOps image."""
    return {n: s for n, s in services.items()
            if str(s.get("image", "")).startswith("careerops:") and (s.get("command") or [None])[0] == "run"}


def env_dict(svc):
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) for e in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


def mounts(svc):
    """(source, target) of each volume entry (short syntax)."""
    out = []
    for v in svc.get("volumes") or []:
        m = re.match(r"^(.*?):(/[^:]*)(?::(?:ro|rw))?$", str(v))  # source may hold ${VAR:-default}
        out.append((m.group(1), m.group(2)) if m else (str(v), str(v)))
    return out


def check_compose(a, st):
    deploy = os.path.join(a.src, "deploy")
    doc, services = compose_services(a.src)
    for key in ("services", "volumes"):
        if key not in doc:
            problem(f"compose.yaml: no top-level {key}")
    conf = st.show(open(os.path.join(deploy, "careerops.yaml")).read(), "deploy/careerops.yaml")
    state_dir, listen = conf.get("state.dir"), conf.get("api.listen", "")

    kafka = services.get("kafka") or {}
    kenv = env_dict(kafka)
    if kafka.get("image") != "apache/kafka:3.9.1":
        problem(f"compose: kafka image is {kafka.get('image')}, want apache/kafka:3.9.1")
    if "controller" not in kenv.get("KAFKA_PROCESS_ROLES", "") or "zookeeper" in json.dumps(services):
        problem("compose: kafka must run in KRaft mode (process.roles with controller, no ZooKeeper)")
    if not kafka.get("healthcheck"):
        problem("compose: kafka has no healthcheck for the others to wait on")
    for k in ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
              "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"):
        if kenv.get(k) != "1":
            problem(f"compose: single-node Kafka needs {k}=1 (transactions fail otherwise)")

    for name, s in services.items():
        if (s.get("command") or [None])[0] == "ingest":
            env = env_dict(s)
            st.check_env(f"compose {name}", env)
            if not env.get("CAREEROPS_BROKERS"):
                problem(f"compose {name}: ingest runs in Kafka mode only; CAREEROPS_BROKERS is not set")
            if not s.get("profiles"):
                problem(f"compose {name}: ingest exits without a mailbox, so it must sit behind a profile")
    for name, s in services.items():
        if str(s.get("image", "")).startswith("careerops:"):
            st.check_command(f"compose {name}", s.get("command"))
    init = services.get("topics-init") or {}
    if init.get("command") != ["topics", "create"]:
        problem("compose: topics-init must run `careerops topics create`")
    st.check_env("compose topics-init", env_dict(init))

    inst = careerops_instances(services)
    if not 2 <= len(inst) <= int(conf.get("topic.partitions", 0)):
        problem(f"compose: {len(inst)} careerops run services, want 2..topic.partitions")
    seen = {"state": set(), "url": set(), "gid": set(), "port": set()}
    for name, s in inst.items():
        env = env_dict(s)
        st.check_env(f"compose {name}", env)
        for k in ("CAREEROPS_BROKERS", "CAREEROPS_GROUP_INSTANCE_ID", "CAREEROPS_API_ADVERTISED_URL"):
            if not env.get(k):
                problem(f"compose {name}: {k} is not set")
        if env.get("CAREEROPS_BROKERS", "").split(":")[0] not in services:
            problem(f"compose {name}: CAREEROPS_BROKERS {env.get('CAREEROPS_BROKERS')} is not a service")
        url = env.get("CAREEROPS_API_ADVERTISED_URL", "")
        want = f"http://{s.get('hostname', name)}:{port_of(listen) if listen else '?'}"
        if url != want:
            problem(f"compose {name}: api.advertised.url {url!r}, want {want!r} (its hostname and api.listen port)")
        state = [src for src, dst in mounts(s) if dst == env.get("CAREEROPS_STATE_DIR", state_dir)]
        if len(state) != 1 or "/" in state[0] or state[0] not in (doc.get("volumes") or {}):
            problem(f"compose {name}: state.dir {state_dir} must be a named volume of its own")
        for key, val in (("state", tuple(state)), ("url", url), ("gid", env.get("CAREEROPS_GROUP_INSTANCE_ID")),
                         ("port", tuple(s.get("ports") or []))):
            if val in seen[key]:
                problem(f"compose {name}: {key} {val} shared with another instance")
            seen[key].add(val)
        dep = (s.get("depends_on") or {})
        if not isinstance(dep, dict) or (dep.get("topics-init") or {}).get("condition") != \
                "service_completed_successfully":
            problem(f"compose {name}: must wait for topics-init to complete")
    for name, s in services.items():
        for src, dst in mounts(s):
            if src.startswith((".", "/")) and "${" not in src and not os.path.exists(os.path.join(deploy, src)):
                problem(f"compose {name}: mounts {src}, which does not exist")
        for f in s.get("env_file") or []:
            if "${CAREEROPS_SECRETS_DIR" not in f:
                problem(f"compose {name}: env_file {f} must come from the secrets dir")

    # Prometheus scrapes exactly the instances, on the API port.
    prom = load_yaml(os.path.join(deploy, "prometheus/prometheus.yml"))
    job = [j for j in prom.get("scrape_configs", []) if j.get("job_name") == "careerops"]
    targets = {t for j in job for sc in j.get("static_configs", []) for t in sc.get("targets", [])}
    want = {f"{s.get('hostname', n)}:{port_of(listen)}" for n, s in inst.items()} if listen else set()
    if targets != want:
        problem(f"prometheus.yml: careerops targets {sorted(targets)}, want {sorted(want)}")
    cred = [j.get("authorization", {}).get("credentials_file") for j in job]
    pmounts = [dst for _, dst in mounts(services.get("prometheus") or {})]
    if not cred or cred[0] not in pmounts:
        problem("compose prometheus: the careerops job's credentials_file is not mounted (/metrics is admin-only)")
    for f in ("/etc/prometheus/prometheus.yml", "/etc/prometheus/alerts.yml"):
        if f not in pmounts:
            problem(f"compose prometheus: {f} is not mounted")
    gm = [dst for _, dst in mounts(services.get("grafana") or {})]
    if "/etc/grafana/provisioning" not in gm:
        problem("compose grafana: provisioning is not mounted")
    dash = load_yaml(os.path.join(deploy, "grafana/provisioning/dashboards/careerops.yaml"))
    if dash["providers"][0]["options"]["path"] not in gm:
        problem("compose grafana: the dashboard provider's path is not mounted")

    # The real parser, with secrets generated the documented way.
    dc = shutil.which("docker-compose") or shutil.which("docker")
    if not dc:
        problem("docker-compose is not installed (scripts/install-deps.sh installs it)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        sec = os.path.join(tmp, "secrets")
        subprocess.run([os.path.join(deploy, "gen-secrets.sh"), sec], check=True, capture_output=True)
        cmd = [dc] + (["compose"] if dc.endswith("/docker") else []) + ["-f", os.path.join(deploy, "compose.yaml"),
                                                                           "config", "-q"]
        r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CAREEROPS_SECRETS_DIR=sec))
        if r.returncode != 0:
            problem(f"`{' '.join(cmd[:2])} config` rejects compose.yaml: {r.stderr.strip()}")


def run_spec(a):
    """What each careerops container would run: argv and environment (image
    ENV, then env_file, then environment), plus where container paths are on
    this machine (bind mounts, files the Dockerfile installs)."""
    deploy = os.path.join(a.src, "deploy")
    doc, services = compose_services(a.src)
    image_env, paths = {}, {}
    for m in re.finditer(r"^ENV\s+((?:.*\\\n)*.*)$", runtime_stage(a.src), re.M):
        for k, v in re.findall(r"(\w+)=(\S+)", m.group(1)):
            image_env[k] = v
    for src, dst in re.findall(r"install -D -m \d+ (\S+) /out(\S+)", open(os.path.join(deploy, "Dockerfile")).read()):
        paths[dst] = os.path.join(a.binary_dir, src[len("/build/"):]) if src.startswith("/build/") \
            else os.path.join(a.src, src)
    # install-model.sh in the image = the same script's default dir here.
    for dst in re.findall(r"CO_MODEL_DIR=/out(\S+) bash scripts/install-model.sh", open(os.path.join(deploy, "Dockerfile")).read()):
        cache = os.environ.get("CO_CACHE_DIR") or os.path.join(os.environ.get("HOME", "/root"), ".cache/careerops")
        paths[dst] = os.environ.get("CO_MODEL_DIR") or os.path.join(cache, "minilm/model")
    # install-e5.sh in the image = the same script's default dir here (CO_E5_MODEL names the file).
    for dst in re.findall(r"CO_E5_DIR=/out(\S+) bash scripts/install-e5.sh", open(os.path.join(deploy, "Dockerfile")).read()):
        cache = os.environ.get("CO_CACHE_DIR") or os.path.join(os.environ.get("HOME", "/root"), ".cache/careerops")
        e5 = os.environ.get("CO_E5_DIR") or os.path.join(cache, "e5")
        paths[dst] = e5
        paths[dst + "/e5-small-q4.bin"] = os.path.join(e5, "e5-small-q4.bin")
    out = []
    for name, s in services.items():
        if not str(s.get("image", "")).startswith("careerops:"):
            continue
        env = dict(image_env)
        for f in s.get("env_file") or []:
            f = f.replace("${CAREEROPS_SECRETS_DIR:-./secrets}", a.secrets_dir)
            for line in open(f):
                if "=" in line and not line.startswith("#"):
                    k, v = line.rstrip("\n").split("=", 1)
                    env[k] = v
        env.update(env_dict(s))
        svc_paths = dict(paths)
        named = []
        for src, dst in mounts(s):
            if src.startswith((".", "/")):
                svc_paths[dst] = os.path.normpath(os.path.join(deploy, src))
            else:
                named.append(dst)
        out.append({"name": name, "argv": list(s.get("command") or []), "env": env, "paths": svc_paths,
                    "volumes": named, "hostname": s.get("hostname", name)})
    # Topic-name settings, so a test on a shared broker can rename them all.
    settings = Settings(a.careerops)
    topics = sorted(n for n in settings.names if n.startswith("topic.") and settings.types[n] == "string")
    json.dump({"services": out, "topic_settings": topics}, sys.stdout, indent=1)
    print()


# ---------------------------------------------------------------- k8s

K8S_API = {"StatefulSet": "apps/v1", "Deployment": "apps/v1", "Service": "v1", "ConfigMap": "v1", "Secret": "v1",
           "PodDisruptionBudget": "policy/v1", "Job": "batch/v1",
           "Kustomization": "kustomize.config.k8s.io/v1beta1"}


def sub(labels, sel):
    return bool(sel) and all(labels.get(k) == v for k, v in sel.items())


def check_k8s(a, st):
    kdir = os.path.join(a.src, "deploy/k8s")
    docs = {}
    for fn in sorted(os.listdir(kdir)):
        if not fn.endswith(".yaml"):
            continue
        for d in load_yaml(os.path.join(kdir, fn), multi=True):
            kind = d.get("kind")
            if K8S_API.get(kind) != d.get("apiVersion"):
                problem(f"k8s {fn}: kind {kind} with apiVersion {d.get('apiVersion')}")
            if kind != "Kustomization" and not (d.get("metadata") or {}).get("name"):
                problem(f"k8s {fn}: {kind} without metadata.name")
            docs.setdefault(kind, []).append((fn, d))
    kust = docs.get("Kustomization", [(None, {})])[0][1]
    for r in kust.get("resources", []):
        if not os.path.exists(os.path.join(kdir, r)):
            problem(f"k8s kustomization: resource {r} does not exist")
    for fn, d in docs.get("Secret", []):
        if fn in kust.get("resources", []):
            problem(f"k8s {fn}: a Secret must not be applied from the repository")
        if any(v for v in (d.get("stringData") or {}).values()) or d.get("data"):
            problem(f"k8s {fn}: holds values; the repository keeps no secrets")
        st.check_env(f"k8s {fn}", (d.get("stringData") or {}).keys())
    secret_names = {d["metadata"]["name"] for _, d in docs.get("Secret", [])}
    cms = {d["metadata"]["name"]: d for _, d in docs.get("ConfigMap", [])}
    sts = [d for _, d in docs.get("StatefulSet", [])]
    if len(sts) != 1:
        problem(f"k8s: {len(sts)} StatefulSets, want 1")
        return
    ss = sts[0]
    spec, pod = ss["spec"], ss["spec"]["template"]["spec"]
    tlabels = ss["spec"]["template"]["metadata"]["labels"]
    sel = spec["selector"]["matchLabels"]
    if not sub(tlabels, sel):
        problem("k8s StatefulSet: selector does not match its pod template labels")
    c = pod["containers"][0]
    env = {e["name"]: e for e in c.get("env", [])}
    st.check_env("k8s StatefulSet", env)
    # Config from the ConfigMap, validated by the binary.
    cfg_vol = [v for v in pod.get("volumes", []) if "configMap" in v]
    conf = {}
    for v in cfg_vol:
        cm = cms.get(v["configMap"]["name"])
        if not cm:
            problem(f"k8s StatefulSet: ConfigMap {v['configMap']['name']} is not defined")
            continue
        conf = st.show(cm["data"]["careerops.yaml"], "k8s ConfigMap careerops.yaml")
        mnt = [m["mountPath"] for m in c.get("volumeMounts", []) if m["name"] == v["name"]]
        if not mnt or env.get("CAREEROPS_CONFIG", {}).get("value") != mnt[0] + "/careerops.yaml":
            problem("k8s StatefulSet: CAREEROPS_CONFIG does not point at the mounted ConfigMap")
    if conf and int(spec.get("replicas", 1)) > int(conf.get("topic.partitions", 0)):
        problem("k8s StatefulSet: more replicas than topic.partitions (the extra pods never become ready)")
    # State on a volumeClaimTemplate mounted at state.dir.
    vct = {t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])}
    state_mounts = [m for m in c.get("volumeMounts", []) if m["name"] in vct]
    if not state_mounts or state_mounts[0]["mountPath"] != conf.get("state.dir"):
        problem(f"k8s StatefulSet: no volumeClaimTemplate mounted at state.dir {conf.get('state.dir')}")
    # Ports and probes.
    ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
    if conf.get("api.listen") and port_of(conf["api.listen"]) not in ports.values():
        problem(f"k8s StatefulSet: containerPort is not api.listen's port ({conf['api.listen']})")
    if not conf.get("api.listen", "").startswith("0.0.0.0:"):
        problem("k8s ConfigMap: api.listen must listen on all interfaces in a pod")
    for probe, path in (("readinessProbe", "/ready"), ("livenessProbe", "/health")):
        p = (c.get(probe) or {}).get("httpGet") or {}
        if p.get("path") != path or p.get("port") not in ports:
            problem(f"k8s StatefulSet: {probe} must GET {path} on a named container port")
    # Per-pod identity from the downward API, advertised through the headless Service.
    if env.get("POD_NAME", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath") != "metadata.name":
        problem("k8s StatefulSet: POD_NAME must come from the downward API (metadata.name)")
    svcs = {d["metadata"]["name"]: d for _, d in docs.get("Service", [])}
    headless = svcs.get(spec.get("serviceName"))
    if not headless or headless["spec"].get("clusterIP") != "None":
        problem(f"k8s: serviceName {spec.get('serviceName')} is not a headless Service")
    adv = env.get("CAREEROPS_API_ADVERTISED_URL", {}).get("value", "")
    if "$(POD_NAME)" not in adv or f".{spec.get('serviceName')}." not in adv:
        problem("k8s StatefulSet: api.advertised.url must be the pod's DNS name under the headless Service")
    if env.get("CAREEROPS_GROUP_INSTANCE_ID", {}).get("value") != "$(POD_NAME)":
        problem("k8s StatefulSet: group.instance.id should be the pod name (static membership)")
    if not any(s["spec"].get("type", "ClusterIP") == "ClusterIP" and s["spec"].get("clusterIP") != "None"
               for s in svcs.values()):
        problem("k8s: no ClusterIP Service")
    for n, s in svcs.items():
        if not sub(tlabels, s["spec"].get("selector")):
            problem(f"k8s Service {n}: selector does not match the StatefulSet's pods")
        for p in s["spec"].get("ports", []):
            if p.get("targetPort") not in ports and p.get("targetPort") not in ports.values():
                problem(f"k8s Service {n}: targetPort {p.get('targetPort')} is not a container port")
    pdbs = [d for _, d in docs.get("PodDisruptionBudget", [])]
    if not pdbs:
        problem("k8s: no PodDisruptionBudget")
    for d in pdbs:
        if d["spec"]["selector"].get("matchLabels") != sel:
            problem("k8s PodDisruptionBudget: selector differs from the StatefulSet's")
        if "maxUnavailable" not in d["spec"] and "minAvailable" not in d["spec"]:
            problem("k8s PodDisruptionBudget: neither maxUnavailable nor minAvailable")
    for fn, d in docs.get("Deployment", []):
        t = d["spec"]["template"]
        if not sub(t["metadata"]["labels"], d["spec"]["selector"]["matchLabels"]):
            problem(f"k8s {fn}: selector does not match its pod template labels")
        if t["spec"]["containers"][0].get("args") == ["ingest"] and \
                (d["spec"].get("replicas") != 1 or d["spec"].get("strategy", {}).get("type") != "Recreate"):
            problem(f"k8s {fn}: ingest must be 1 replica with Recreate (two on one mailbox fence each other)")
        if sub(t["metadata"]["labels"], sel):
            problem(f"k8s {fn}: its pods would match the StatefulSet's selector (Services, PDB)")
        st.check_env(f"k8s {fn}", {e["name"] for c in t["spec"]["containers"] for e in c.get("env", [])})
    for _, d in docs.get("StatefulSet", []) + docs.get("Job", []) + docs.get("Deployment", []):
        p = d["spec"]["template"]["spec"]
        for ctr in p["containers"]:
            st.check_command(f"k8s {d['kind']} {d['metadata']['name']}", ctr.get("args"))
            for ef in ctr.get("envFrom", []):
                if "secretRef" in ef and ef["secretRef"]["name"] not in secret_names:
                    problem(f"k8s {d['kind']}: secretRef {ef['secretRef']['name']} has no template")
        if not (p.get("securityContext") or {}).get("runAsNonRoot"):
            problem(f"k8s {d['kind']}: pods must run as non-root")
    for _, j in docs.get("Job", []):
        if j["spec"]["template"]["spec"]["containers"][0].get("args") != ["topics", "create"]:
            problem("k8s Job: must run `careerops topics create`")


# ---------------------------------------------------------------- metrics

def exported_metrics(a):
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([a.metrics_dump, os.path.join(tmp, "s")], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"deploy_metrics_dump failed: {r.stderr}")
    names = set()
    for line in r.stdout.splitlines():
        m = re.match(r"# TYPE (\S+) (\w+)", line) or re.match(r"([a-zA-Z_:][\w:]*)[{ ]", line)
        if m:
            names.add(m.group(1))
    return names


PROMQL_WORDS = {"sum", "by", "rate", "increase", "histogram_quantile", "max", "min", "avg", "without", "le", "on",
                "count", "irate", "delta", "and", "or", "unless", "offset", "ignoring", "group_left", "topk"}


def metric_names(expr):
    expr = re.sub(r'"[^"]*"', '""', expr)           # label values
    expr = re.sub(r"\{[^}]*\}", "", expr)             # selectors
    expr = re.sub(r"\[[^\]]*\]", "", expr)            # ranges
    expr = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", expr)
    return {w for w in re.findall(r"[a-zA-Z_:][\w:]*", expr) if w not in PROMQL_WORDS and not w.isdigit()}


def check_exprs(where, exprs, exported):
    for e in exprs:
        for n in metric_names(e):
            if n != "up" and n not in exported:
                problem(f"{where}: {e!r} names {n}, which the runtime does not export")


def check_grafana(a, st):
    g = os.path.join(a.src, "deploy/grafana")
    exported = exported_metrics(a)
    for want in ("careerops_records_in_total", "careerops_consumer_lag", "careerops_dlq_records_total"):
        if want not in exported:
            problem(f"deploy_metrics_dump does not show {want}: the runtime's metrics changed")
    ds = load_yaml(os.path.join(g, "provisioning/datasources/prometheus.yaml"))["datasources"]
    uids = {d["uid"] for d in ds}
    dashboards = [f for f in os.listdir(os.path.join(g, "dashboards")) if f.endswith(".json")]
    if not dashboards:
        problem("grafana: no dashboard JSON")
    for fn in dashboards:
        with open(os.path.join(g, "dashboards", fn)) as f:
            dash = json.load(f)
        for k in ("uid", "title", "panels"):
            if not dash.get(k):
                problem(f"grafana {fn}: no {k}")
        ids = [p.get("id") for p in dash["panels"]]
        if len(ids) != len(set(ids)):
            problem(f"grafana {fn}: duplicate panel ids")
        exprs = []
        for p in dash["panels"]:
            if not p.get("targets"):
                problem(f"grafana {fn}: panel {p.get('title')} has no query")
            for t in p.get("targets", []):
                if (t.get("datasource") or p.get("datasource") or {}).get("uid") not in uids:
                    problem(f"grafana {fn}: panel {p.get('title')} uses an unprovisioned datasource")
                exprs.append(t.get("expr", ""))
        check_exprs(f"grafana {fn}", exprs, exported)
        used = set().union(*(metric_names(e) for e in exprs))
        for want in ("careerops_records_in_total", "careerops_records_out_total", "careerops_consumer_lag",
                     "careerops_restored_records_total", "careerops_dlq_records_total",
                     "careerops_http_requests_total"):
            if want in exported and want not in used:
                problem(f"grafana {fn}: no panel shows {want}")
    rules = load_yaml(os.path.join(a.src, "deploy/prometheus/alerts.yml"))
    check_exprs("alerts.yml", [r["expr"] for grp in rules["groups"] for r in grp["rules"]], exported)


def check_prometheus(a, st):
    p = os.path.join(a.src, "deploy/prometheus")
    promtool = shutil.which("promtool")
    if not promtool:
        problem("promtool is not installed (scripts/install-deps.sh installs prometheus)")
        return
    for cmd in (["check", "config", "--syntax-only", os.path.join(p, "prometheus.yml")],
                ["check", "rules", os.path.join(p, "alerts.yml")],
                ["test", "rules", os.path.join(a.src, "tests/deploy/alerts_test.yml")]):
        r = subprocess.run([promtool] + cmd, capture_output=True, text=True)
        if r.returncode != 0:
            problem(f"promtool {' '.join(cmd[:2])}: {r.stdout.strip()} {r.stderr.strip()}")
    prom = load_yaml(os.path.join(p, "prometheus.yml"))
    if "/etc/prometheus/alerts.yml" not in prom.get("rule_files", []):
        problem("prometheus.yml: alerts.yml is not loaded")


# ---------------------------------------------------------------- Dockerfile

def stages(src):
    text = open(os.path.join(src, "deploy/Dockerfile")).read()
    parts = re.split(r"^FROM\s+", text, flags=re.M)
    return [("FROM " + p) for p in parts[1:]]


def runtime_stage(src):
    return stages(src)[-1]


# Present in debian:12-slim (Essential/required), so not listed in the Dockerfile.
BASE_PKGS = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}


def needed_packages(binary):
    out = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, check=True).stdout
    libs = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)
    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    where = dict(re.findall(r"^\s*(\S+) => (\S+)", ldd, re.M))
    pkgs = {}
    for lib in libs:
        if re.match(r"lib(asan|ubsan|lsan|tsan)\.so", lib):  # a -DCO_SANITIZE=ON build, not an image build
            continue
        path = os.path.realpath(where.get(lib, lib))
        r = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if r.returncode != 0:  # /lib -> /usr/lib merge: dpkg knows one spelling
            alt = path.replace("/usr/lib/", "/lib/", 1) if path.startswith("/usr/lib/") else "/usr" + path
            r = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
        if r.returncode != 0:
            problem(f"Dockerfile: cannot tell which Debian package provides {lib} ({path})")
            continue
        pkgs[lib] = r.stdout.split(":")[0].strip()
    return pkgs


def check_dockerfile(a, st):
    stg = stages(a.src)
    if len(stg) < 2:
        problem("Dockerfile: want a build stage and a runtime stage")
        return
    for s in stg:
        if not re.match(r"FROM debian:12(-slim)?\b", s):
            problem(f"Dockerfile: stage {s.splitlines()[0]!r} is not Debian 12")
    build, run = stg[0], stg[-1]
    if "scripts/install-deps.sh" not in build or "cmake" not in build:
        problem("Dockerfile: the build stage must use scripts/install-deps.sh and cmake")
    if re.search(r"\b(\S+-dev|build-essential|cmake|gcc|clang)\b", run.split("COPY --from")[0]):
        problem("Dockerfile: the runtime stage installs build tools or -dev packages")
    if "COPY --from=build" not in run:
        problem("Dockerfile: the runtime stage copies nothing from the build stage")
    user = re.findall(r"^USER\s+(\S+)", run, re.M)
    if not user or user[-1].split(":")[0] in ("root", "0"):
        problem("Dockerfile: the runtime stage must end as a non-root USER")
    cmd = re.findall(r"^CMD\s+(\[.*\])", run, re.M)
    st.check_command("Dockerfile CMD", json.loads(cmd[-1]) if cmd else None)
    env = dict(re.findall(r"(CAREEROPS_\w+)=(\S+)", run))
    st.check_env("Dockerfile", env)
    vol = re.findall(r"^VOLUME\s+\[?\"?([^\"\]\s]+)", run, re.M)
    if not vol or vol[0] != env.get("CAREEROPS_STATE_DIR"):
        problem("Dockerfile: VOLUME must be the state dir (CAREEROPS_STATE_DIR)")
    conf = st.show(open(os.path.join(a.src, "deploy/careerops.yaml")).read(), "deploy/careerops.yaml")
    expose = re.findall(r"^EXPOSE\s+(\d+)", run, re.M)
    if not expose or int(expose[0]) != port_of(conf.get("api.listen", ":0")):
        problem("Dockerfile: EXPOSE must be api.listen's port from careerops.yaml")
    hc = re.search(r"^HEALTHCHECK\b.*?(?<!\\)$", run, re.M | re.S)
    if not hc or "/health" not in run[hc.start():run.find("\n", run.find("/health"))]:
        problem("Dockerfile: no HEALTHCHECK on /health")
    if not re.search(r"apt-get install[^\n]*\\?\n?(?:.*\\\n)*.*\bcurl\b", run):
        problem("Dockerfile: HEALTHCHECK uses curl, which the runtime stage does not install")
    # Every COPY source in the build stage exists in the repository.
    for srcs in re.findall(r"^COPY\s+(?!--)(.+)\s+\S+$", build, re.M):
        for s in srcs.split():
            if s != "." and not os.path.exists(os.path.join(a.src, s)):
                problem(f"Dockerfile: COPY {s}: no such file in the repository")
    for src in re.findall(r"install -D -m \d+ (\S+) /out", build):
        if not src.startswith("/build/") and not os.path.exists(os.path.join(a.src, src)):
            problem(f"Dockerfile: installs {src}, which does not exist")
    # Runtime packages cover the binary's shared libraries.
    installed = set(re.findall(r"[\w.+-]+", " ".join(re.findall(r"apt-get install((?:.*\\\n)*.*)", run))))
    for lib, pkg in sorted(needed_packages(a.careerops).items()):
        if pkg not in installed and pkg not in BASE_PKGS:
            problem(f"Dockerfile: the binary needs {lib} from {pkg}, which the runtime stage does not install")
    ign = os.path.join(a.src, "deploy/Dockerfile.dockerignore")
    if not os.path.exists(ign) or "build-*" not in open(ign).read():
        problem("Dockerfile: deploy/Dockerfile.dockerignore must keep build dirs out of the context")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("check", choices=["compose", "k8s", "grafana", "prometheus", "dockerfile", "run-spec"])
    ap.add_argument("--src", required=True)
    ap.add_argument("--careerops", required=True)
    ap.add_argument("--metrics-dump")
    ap.add_argument("--binary-dir", default="")
    ap.add_argument("--secrets-dir", default="")
    a = ap.parse_args()
    if a.check == "run-spec":
        run_spec(a)
        return 0
    st = Settings(a.careerops)
    {"compose": check_compose, "k8s": check_k8s, "grafana": check_grafana, "prometheus": check_prometheus,
     "dockerfile": check_dockerfile}[a.check](a, st)
    for p in PROBLEMS:
        print("FAIL:", p)
    if not PROBLEMS:
        print(f"ok: {a.check}")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
