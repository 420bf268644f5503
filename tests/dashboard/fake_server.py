#!/usr/bin/env python3
"""Development-only stand-in for the CareerOps API: serves api/dashboard/ at /
and /assets/<file>, plus canned JSON shaped like docs/openapi (the REST
contract). It lets the page be worked on without building the server; the
browser test (dashboard.test.mjs) never uses it: it drives `careerops run`.

    python3 tests/dashboard/fake_server.py [PORT]   (default 8765)
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "api", "dashboard")
XSS = 'Nimbus <script>window.__xss=1</script> <img src=x onerror=window.__xss=1>'
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}


def app(key, company, role, stage, first, last, stages, emails, nxt=None):
    return {"key": key, "account": "me", "company": company, "role": role, "stage": stage,
            "stages": [{"stage": s, "at": at, "message_id": "<%s.%d@example>" % (key, i), "subject": subj}
                       for i, (s, at, subj) in enumerate(stages)],
            "first_seen": first, "last_contact": last, "next_interview": nxt, "emails": emails}


APPS = [
    app("a1", "Bluefin Analytics", "Data Engineer", "OFFER", "2025-03-05T16:12:00Z", "2025-04-10T10:00:00Z",
        [("APPLIED", "2025-03-05T16:12:00Z", "Bluefin Analytics: we received your application"),
         ("INTERVIEW", "2025-03-12T09:00:00Z", "Interview invitation"),
         ("OFFER", "2025-04-10T10:00:00Z", "Your offer")], 6),
    app("a2", "Marlin Logistics", "Site Reliability Engineer", "INTERVIEW", "2025-03-08T10:00:00Z",
        "2025-03-20T10:00:00Z", [("APPLIED", "2025-03-08T10:00:00Z", "Thanks for applying"),
                                 ("INTERVIEW", "2025-03-20T10:00:00Z", "Next round")], 5, "2026-12-01T15:00:00Z"),
    app("a3", "Cedarline Health", "Platform Engineer", "REJECTION", "2025-03-02T10:00:00Z", "2025-03-15T10:00:00Z",
        [("APPLIED", "2025-03-02T10:00:00Z", "Application received"),
         ("REJECTION", "2025-03-15T10:00:00Z", "Update on your application")], 2),
    app("a4", "Quillfeather Systems", "=HYPERLINK(\"x\")", "APPLIED", "2025-03-21T10:00:00Z", "2025-03-21T10:00:00Z",
        [("APPLIED", "2025-03-21T10:00:00Z", "Quillfeather Systems: we received your application " + XSS)], 1),
]


class H(BaseHTTPRequestHandler):
    def send(self, code, body, ctype="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-CareerOps-Instance", "fake-1")
        self.end_headers()
        self.wfile.write(data)

    def err(self, code, kind, msg):
        self.send(code, {"error": {"code": kind, "message": msg}})

    def do_POST(self):
        p = urlparse(self.path).path
        if p.startswith("/api/dlq/") and p.endswith("/replay"):
            return self.send(200, {"replayed": unquote(p.split("/")[3])})
        parts = p.split("/")
        if len(parts) == 7 and p.startswith("/api/accounts/me/applications/") and parts[6] == "corrections":
            # applied at once (the real server applies it when the pipeline reads it)
            a = next((x for x in APPS if x["key"] == unquote(parts[5])), None)
            if not a:
                return self.err(404, "not_found", "no application with that key for this account")
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")
            except ValueError:
                return self.err(400, "bad_request", "request body: not JSON")
            if not isinstance(body, dict):
                return self.err(400, "bad_request", "request body: must be a JSON object")
            for k, v in (body.get("set") or {}).items():
                if v is not None:
                    a[k] = v
                    a["corrected"] = True
            if body.get("not_job_related") or body.get("merge_into"):
                APPS.remove(a)
            return self.send(202, {"accepted": True, "correction": dict(body, application=a["key"])})
        self.err(404, "not_found", "no such endpoint")

    def do_GET(self):  # noqa: C901 - a routing table
        u = urlparse(self.path)
        p, q = u.path, {k: v[0] for k, v in parse_qs(u.query).items()}
        if p == "/" or p.startswith("/assets/"):
            name = "index.html" if p == "/" else os.path.basename(p)
            f = os.path.join(ROOT, name)
            if not os.path.isfile(f):
                return self.err(404, "not_found", "no such asset")
            with open(f, "rb") as fh:
                return self.send(200, fh.read(), TYPES.get(os.path.splitext(f)[1], "application/octet-stream"))
        if p == "/ready":
            return self.send(200, {"ready": True})
        if p == "/api/accounts":
            return self.send(200, {"items": [{"account": "me", "applications": len(APPS)}]})
        parts = [unquote(s) for s in p.split("/")]
        if p.startswith("/api/accounts/me/applications"):
            return self.send(200, {"account": "me", "items": APPS, "next_cursor": None, "total": len(APPS)})
        if p.startswith("/api/accounts/me/companies/"):
            c = parts[5]
            mine = [a for a in APPS if a["company"] == c]
            if not mine:
                return self.err(404, "not_found", "no such company")
            ev = [{"at": s["at"], "stage": s["stage"], "role": a["role"], "subject": s["subject"],
                   "message_id": s["message_id"]} for a in mine for s in a["stages"]]
            return self.send(200, {"account": "me", "company": c, "applications": mine, "events": ev})
        if p == "/api/accounts/me/interviews":
            return self.send(200, {"items": [{"company": "Marlin Logistics", "role": "Site Reliability Engineer",
                                              "at": "2026-12-01T15:00:00Z", "application": "a2"}]})
        if p == "/api/accounts/me/interviews.ics":
            return self.send(200, b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "text/calendar")
        if p == "/api/stats":
            per = {s: sum(1 for a in APPS if a["stage"] == s) for s in ("APPLIED", "INTERVIEW", "OFFER", "REJECTION")}
            return self.send(200, {"per_stage": per, "per_week": [
                {"week": "2025-W10", "applications": 2, "responses": 0},
                {"week": "2025-W11", "applications": 1, "responses": 2},
                {"week": "2025-W12", "applications": 1, "responses": 1},
                {"week": "2025-W15", "applications": 0, "responses": 1}],
                "response_rate": 0.75, "median_days_to_response": 9.5, "companies": len(APPS)})
        if p == "/api/search":
            if os.environ.get("FAKE_SEARCH_503"):
                return self.err(503, "unavailable", "search index not built")
            return self.send(200, {"query": q.get("q", ""), "results": [
                {"doc_id": "d1", "company": XSS, "account": "me", "type": "APPLIED", "date": "2025-03-21",
                 "score": 0.91, "snippet": "we received your application " + XSS}]})
        if p.startswith("/api/companies/") and p.endswith("/briefing"):
            c = parts[3]
            if c not in ("Bluefin Analytics", "Quillfeather Systems"):
                return self.err(404, "not_found", "no briefing")
            return self.send(200, {"company": c, "updated_at": "2025-04-01T00:00:00Z", "source": "offline",
                                   "summary": "Latest: " + XSS, "news": [
                                       {"title": "Bluefin raises", "url": "javascript:alert(1)", "snippet": "x",
                                        "published": "2025-03-01"}],
                                   "role_notes": "Data Engineer", "history": [], "interviewers": ["A. Person"],
                                   "next_interview": None, "text": "# Bluefin\n<b>not bold</b>"})
        if p == "/api/dlq":
            if os.environ.get("FAKE_DLQ_401"):
                return self.err(401, "unauthorized", "admin token required")
            return self.send(200, {"items": [{"id": "dlq:0:3", "topic": "dlq", "error": "parse", "class": "ingest",
                                              "attempts": 1, "timestamp": "2025-03-03T00:00:00Z", "key": "me",
                                              "value_preview": "<script>window.__xss=1</script>"}],
                                   "next_cursor": None})
        self.err(404, "not_found", "no such endpoint")

    def log_message(self, *a):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
