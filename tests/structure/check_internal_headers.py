#!/usr/bin/env python3
"""structure_internal_headers_stay_in_their_module: fails when a source file
includes another module's internal header.

A header is internal when its name ends in _int.h or it lives in a private
sub-folder (pipeline/topology, pipeline/sources, pipeline/backend). A file
belongs to the module of its top folder; tests/<m>/ and bench/<m>/ belong to
module <m> (they test its internals, as librdkafka's unit tests do), and
fuzz/ targets may reach any parser. Inside pipeline/ each sub-folder is its
own module; the backend reads the topology's stores (docs/pipeline.md).
The build enforces most of this with private include directories; this check
also catches a header reached through a module that exports its whole folder.
Usage: check_internal_headers.py SOURCE_DIR"""
import os
import re
import sys

PRIVATE_DIRS = ("pipeline/topology", "pipeline/sources", "pipeline/backend")
ALLOWED = {("pipeline/backend", "pipeline/topology")}
SKIP_TOP = {"build", "build-asan", "build-fuzz", ".git", "node_modules"}
SRC_EXT = (".c", ".h", ".cpp", ".cc")


def module_of(rel):
    parts = rel.split("/")
    if parts[0] in ("tests", "bench") and len(parts) > 2:
        return parts[1]
    if parts[0] == "pipeline" and len(parts) > 2:
        return "pipeline/" + parts[1]
    return parts[0]


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    headers = {}  # name -> [rel paths]
    sources = []
    for d, dirs, files in os.walk(root):
        rel_d = os.path.relpath(d, root)
        if rel_d.split("/")[0] in SKIP_TOP or rel_d.startswith("build"):
            dirs[:] = []
            continue
        for f in files:
            rel = os.path.normpath(os.path.join(rel_d, f))
            if f.endswith(".h"):
                headers.setdefault(f, []).append(rel)
            if f.endswith(SRC_EXT):
                sources.append(rel)
    inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    bad = []
    for rel in sorted(sources):
        if rel.startswith("fuzz/"):
            continue
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        mine = module_of(rel)
        for name in inc.findall(text):
            for h in headers.get(os.path.basename(name), []):
                internal = h.endswith("_int.h") or os.path.dirname(h) in PRIVATE_DIRS
                theirs = module_of(h)
                if not internal or theirs == mine or (mine, theirs) in ALLOWED:
                    continue
                if mine.startswith("pipeline") and rel.startswith("tests/"):
                    continue  # tests/pipeline/ tests every pipeline sub-folder
                bad.append("%s includes %s (internal to %s)" % (rel, h, theirs))
    for b in bad:
        print("internal header crossed a module boundary: " + b)
    print("checked %d files, %d violation(s)" % (len(sources), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
