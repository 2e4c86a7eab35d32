#!/usr/bin/python3
"""Checks schema/openapi.json against the server, both ways.

  tests/api/openapi_check.py [--judged build/cli/judged] [--keep] [--doc FILE]

1. The document itself: valid against the OpenAPI 3.1 meta-schema (tests/api/openapi-3.1-schema.json,
   the 2022-10-07 schema of the OpenAPI Initiative, Apache-2.0, kept here so the check is offline),
   every Schema Object valid JSON Schema 2020-12, every $ref resolving, every component used, and
   the paths, methods, operation ids, access levels (x-access, x-candidate, security), body kinds,
   path parameters and the statuses every route of its kind gives equal to the route table
   api_routes[] of server/http/api.c.
2. The running server: starts judged (fresh data folder, ephemeral port, JUDGE_ADMIN_TOKEN),
   imports problems/missing-number and tests/packages/sum-groups, and calls every operation with
   good and bad requests: problems, submissions (with ?wait, SSE, cursors, rejudge), runs, teams
   and keys, assessments, invites and the candidate's side (with the finish webhook, received
   here), reports. Each real answer is checked: its status is documented for that operation, its
   body is valid against the schema documented for that status and content type, the documented
   required headers are there, each Location leads to a 200, each SSE event matches its schema.
   A second start on the same data (no local workers, a queue of one, a read rate of 1/s, a token
   rate of 6/min, a long start-up import) gives the 503s, 409s and 429s, and the remote worker
   routes (claim, heartbeat, progress, release, result, packages), then SIGTERM must stop it with
   exit 0.

Exits 1 with the reason on the first mismatch, or when an operation of the document, or a 2xx
status of one, was never exercised. --doc checks another copy of the document (to see the check
fail on a deliberate change). Needs root (the sandbox), like judged itself.
"""
import argparse
import http.client
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile

# Debian packages this test needs (besides python3); installed below when missing.
DEB_PACKAGES = ["python3-jsonschema"]

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOC_PATH = os.path.join(ROOT, "schema", "openapi.json")
META_PATH = os.path.join(ROOT, "tests", "api", "openapi-3.1-schema.json")
API_C = os.path.join(ROOT, "server", "http", "api.c")
ADMIN = "openapi-check-admin-token"


def ensure_jsonschema():
    try:
        import jsonschema  # noqa: F401
        return
    except ImportError:
        pass
    if os.path.exists("/usr/bin/apt-get"):
        print("openapi_check: installing " + " ".join(DEB_PACKAGES), flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *DEB_PACKAGES],
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
                       stdout=subprocess.DEVNULL, check=False)
    try:
        import importlib
        importlib.invalidate_caches()
        import jsonschema  # noqa: F401
    except ImportError:
        # Another python3 than Debian's: run again with Debian's, which has the package.
        if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
        sys.exit("openapi_check: needs python3-jsonschema (apt-get install python3-jsonschema)")


ensure_jsonschema()
import jsonschema  # noqa: E402

Validator = jsonschema.Draft202012Validator


class Mismatch(Exception):
    pass


def fail(msg):
    raise Mismatch(msg)


# ---------------------------------------------------------------------------------------------
# The document


def load_doc(path):
    with open(path, "rb") as f:
        raw = f.read()
    return raw, json.loads(raw)


def pointer_get(doc, pointer):
    node = doc
    if pointer in ("", "#"):
        return node
    for part in pointer.lstrip("#").lstrip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(pointer)
    return node


def esc(part):
    return str(part).replace("~", "~0").replace("/", "~1")


class Doc:
    """The document, with schema validation by JSON Pointer into it (so every $ref resolves)."""

    def __init__(self, doc):
        self.doc = doc
        self._validators = {}
        self.ops = {}  # operationId -> (method, path, operation, pointer)
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method in ("get", "put", "post", "delete", "patch", "head", "options"):
                    self.ops[op["operationId"]] = (method.upper(), path, op,
                                                   f"/paths/{esc(path)}/{method}")

    def deref(self, node, pointer):
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                fail(f"external $ref {ref} at {pointer}")
            pointer = ref[1:]
            node = pointer_get(self.doc, pointer)
            seen += 1
            if seen > 20:
                fail(f"$ref loop at {pointer}")
        return node, pointer

    def validator(self, pointer):
        v = self._validators.get(pointer)
        if v is None:
            schema = {"$ref": "urn:judged:openapi#" + pointer}
            try:
                from referencing import Registry, Resource
                from referencing.jsonschema import DRAFT202012
                registry = Registry().with_resource(
                    "urn:judged:openapi",
                    Resource.from_contents(self.doc, default_specification=DRAFT202012))
                v = Validator(schema, registry=registry)
            except ImportError:  # jsonschema before 4.18 (Debian 12 has 4.10)
                resolver = jsonschema.RefResolver("urn:judged:openapi", self.doc,
                                                  store={"urn:judged:openapi": self.doc})
                v = Validator(schema, resolver=resolver)
            self._validators[pointer] = v
        return v

    def validate(self, instance, pointer, what):
        errors = sorted(self.validator(pointer).iter_errors(instance),
                        key=lambda e: list(e.absolute_path))
        if errors:
            lines = []
            for e in errors[:5]:
                where = "/".join(str(p) for p in e.absolute_path) or "(top)"
                lines.append(f"  at {where}: {e.message[:300]}")
            fail(f"{what}: the body does not match {pointer}:\n" + "\n".join(lines) +
                 f"\n  body: {json.dumps(instance)[:600]}")


def parse_routes():
    """api_routes[] of server/http/api.c: [(method, pattern, name, access, body, candidate,
    team role)]."""
    with open(API_C) as f:
        text = f.read()
    table = text[text.index("api_routes[]"):]
    table = table[:table.index("};")]
    # {method, pattern, name, ACCESS_x, BODY_x, handler, flags (ROUTE_CANDIDATE...), audit,
    #  TEAM_x}
    rows = re.findall(r'\{\s*"([A-Z]+)",\s*"([^"]+)",\s*"([^"]+)",\s*ACCESS_(\w+),\s*BODY_(\w+),'
                      r'\s*\w+,\s*([^,]+),\s*(?:"[^"]*"|NULL),\s*TEAM_(\w+)\s*\}', table)
    routes = [r[:5] + ("true" if "ROUTE_CANDIDATE" in r[5] else "",
                       r[6].lower().replace("_", "-")) for r in rows]
    if len(routes) < 10:
        fail(f"cannot read the route table of {API_C} (found {len(routes)} routes)")
    return routes


def walk_refs(node, pointer, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                out.append((pointer, v))
            else:
                walk_refs(v, f"{pointer}/{esc(k)}", out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_refs(v, f"{pointer}/{i}", out)


def schema_objects(doc):
    """Every Schema Object: components/schemas and each `schema` of parameters, headers, media."""
    found = [(f"/components/schemas/{esc(k)}", v) for k, v in doc["components"]["schemas"].items()]

    def walk(node, pointer):
        if isinstance(node, dict):
            for k, v in node.items():
                p = f"{pointer}/{esc(k)}"
                if k == "schema" and isinstance(v, dict):
                    found.append((p, v))
                elif k != "schemas":
                    walk(v, p)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{pointer}/{i}")

    walk(doc["paths"], "/paths")
    for k in ("responses", "parameters", "headers", "requestBodies"):
        walk(doc["components"].get(k, {}), f"/components/{k}")
    return found


def check_document(d):
    doc = d.doc
    checks = []
    # The OpenAPI 3.1 meta-schema.
    with open(META_PATH) as f:
        meta = json.load(f)
    errors = list(Validator(meta).iter_errors(doc))
    if errors:
        e = errors[0]
        fail("schema/openapi.json is not a valid OpenAPI 3.1 document: at " +
             "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300])
    checks.append("valid against the OpenAPI 3.1 meta-schema")
    # Schema Objects are JSON Schema 2020-12.
    objs = schema_objects(doc)
    for pointer, schema in objs:
        try:
            Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            fail(f"{pointer} is not a valid JSON Schema 2020-12: {e.message[:300]}")
    checks.append(f"{len(objs)} Schema Objects valid JSON Schema 2020-12")
    # Every $ref resolves.
    refs = []
    walk_refs(doc, "", refs)
    for where, ref in refs:
        if not ref.startswith("#/"):
            fail(f"{where}: $ref {ref} is not local")
        try:
            pointer_get(doc, ref[1:])
        except (KeyError, IndexError, ValueError):
            fail(f"{where}: $ref {ref} does not resolve")
    checks.append(f"{len(refs)} $refs resolve")
    # The route table, both ways.
    routes = parse_routes()
    table = {(m, p): (n, a, b, cand == "true", tr) for m, p, n, a, b, cand, tr in routes}
    documented = {}
    for opid, (method, path, op, pointer) in d.ops.items():
        documented[(method, re.sub(r"\{[^}]+\}", "{}", path))] = (opid, path, op, pointer)
    for key in table:
        if key not in documented:
            fail(f"route {key[0]} {key[1]} of server/http/api.c is not in schema/openapi.json")
    for key, (opid, path, op, pointer) in documented.items():
        if key not in table:
            fail(f"{key[0]} {path} of schema/openapi.json is not a route of server/http/api.c")
        name, access, body, candidate, team_role = table[key]
        if opid != name:
            fail(f"{key[0]} {path}: operationId '{opid}' is not the route's name '{name}'")
        if op.get("x-team-role") != team_role:
            fail(f"{opid}: x-team-role '{op.get('x-team-role')}', the route's least team role is "
                 f"'{team_role}'")
        want_access = {"ANY": "any", "TOKEN": "token", "ADMIN": "admin",
                       "CANDIDATE": "candidate", "WORKER": "worker"}.get(access)
        if op.get("x-access") != want_access:
            fail(f"{opid}: x-access '{op.get('x-access')}', the route has ACCESS_{access}")
        if op.get("x-candidate") != (candidate or access == "CANDIDATE"):
            fail(f"{opid}: x-candidate {op.get('x-candidate')}, the route's candidate flag is "
                 f"{candidate} (ACCESS_{access})")
        # An open route may still ask for a token in its handler (then security says so).
        want_security = ([[{}, {"bearer": []}], [{"bearer": []}]] if access == "ANY"
                         else [[{"bearer": []}]])
        if op.get("security") not in want_security:
            fail(f"{opid}: security {op.get('security')}, the route has ACCESS_{access}: "
                 f"want one of {want_security}")
        rb = op.get("requestBody")
        if body == "NONE" and rb:
            fail(f"{opid}: documents a request body, the route takes none")
        if body == "JSON" and (not rb or set(rb["content"]) != {"application/json"}):
            fail(f"{opid}: the route takes a JSON body")
        if body == "FILE" and (not rb or set(rb["content"]) != {"application/zip",
                                                                 "application/gzip"}):
            fail(f"{opid}: the route takes a package (application/zip, application/gzip)")
        # Path parameters declared.
        item = doc["paths"][path]
        params = [d.deref(p, "")[0] for p in item.get("parameters", []) + op.get("parameters", [])]
        for name_ in re.findall(r"\{([^}]+)\}", path):
            if not any(p["in"] == "path" and p["name"] == name_ and p.get("required")
                       for p in params):
                fail(f"{opid}: path parameter {{{name_}}} is not declared (required)")
        # The statuses every route of its kind can give.
        statuses = set(op["responses"])
        need = {"401", "500"}
        need |= {"403"}  # some token is refused everywhere: a worker's, a candidate's, a team's
        if access == "ANY" and name not in ("healthz", "readyz", "metrics"):
            need |= {"429"}  # probes and scrapers are never rate-limited (http.c rate_ok)
        if body == "JSON":
            need |= {"400", "413"}
        if body == "FILE":
            need |= {"413"}
        if name not in ("healthz", "readyz"):
            need |= {"503"}
        missing = need - statuses
        if missing:
            fail(f"{opid}: responses lack {sorted(missing)}, which http.c gives for every "
                 f"ACCESS_{access} BODY_{body} route")
    # Components are all used.
    used = {r for _, r in refs}
    for kind in ("schemas", "responses", "parameters", "headers"):
        for name in doc["components"].get(kind, {}):
            target = f"#/components/{kind}/{name}"
            if target not in used and target != "#/components/responses/MethodNotAllowed":
                fail(f"{target} is never used")
    checks.append(f"{len(table)} routes of server/http/api.c = {len(documented)} operations of the "
                  "document (paths, methods, operationIds, access, bodies, path parameters)")
    return checks


# ---------------------------------------------------------------------------------------------
# HTTP


class Answer:
    def __init__(self, status, headers, body, method, path):
        self.status = status
        self.headers = headers  # lower-case name -> value
        self.body = body
        self.method = method
        self.path = path

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        return self.headers.get(name.lower())


class Client:
    def __init__(self, port):
        self.port = port

    def conn(self, timeout=90):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, token=None, ctype=None, headers=None, conn=None):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            ctype = ctype or "application/json"
        if isinstance(body, str):
            body = body.encode()
        if ctype:
            h["Content-Type"] = ctype
        own = conn is None
        c = conn or self.conn()
        try:
            try:
                c.request(method, path, body=body, headers=h)
            except (BrokenPipeError, ConnectionResetError):
                pass  # refused before the body was read: the answer may be there all the same
            r = c.getresponse()
            data = r.read()
            return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, data, method, path)
        finally:
            if own:
                c.close()

    def declared_length(self, method, path, length, token=None, ctype=None):
        """Headers only, announcing a body of `length` bytes that is never sent."""
        c = self.conn()
        try:
            c.putrequest(method, path)
            if token:
                c.putheader("Authorization", "Bearer " + token)
            if ctype:
                c.putheader("Content-Type", ctype)
            c.putheader("Content-Length", str(length))
            c.endheaders()
            r = c.getresponse()
            data = r.read()
            return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, data, method, path)
        finally:
            c.close()

    def events(self, path, token=None, first_only=False, timeout=60):
        """An SSE stream: (answer, [(event, data text)]). first_only: stop after one event."""
        c = self.conn(timeout=timeout)
        h = {"Accept": "text/event-stream"}
        if token:
            h["Authorization"] = "Bearer " + token
        try:
            c.request("GET", path, headers=h)
            r = c.getresponse()
            headers = {k.lower(): v for k, v in r.getheaders()}
            if r.status != 200:
                return Answer(r.status, headers, r.read(), "GET", path), []
            evs, name, data, raw = [], None, [], []
            while True:
                line = r.readline()
                if not line:
                    break
                raw.append(line)
                line = line.decode().rstrip("\r\n")
                if line == "":
                    if name is not None or data:
                        evs.append((name or "message", "\n".join(data)))
                        if first_only:
                            break
                    name, data = None, []
                elif line.startswith(":"):
                    continue
                elif line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip(" "))
                else:
                    fail(f"GET {path}: a line that is not SSE: {line!r}")
            return Answer(200, headers, b"".join(raw), "GET", path), evs
        finally:
            c.close()


# ---------------------------------------------------------------------------------------------
# Checking answers


class Checker:
    def __init__(self, d, client):
        self.d = d
        self.client = client
        self.seen = {opid: set() for opid in d.ops}
        self.calls = 0
        self.extra = {}  # answers checked against components (404 of unknown paths, 405)
        self.webhooks = 0

    def check(self, opid, a, expect, note="", events=None):
        """Checks answer `a` of operation `opid`; `expect`: the status (or statuses) wanted."""
        self.calls += 1
        method, path, op, pointer = self.d.ops[opid]
        what = f"{opid} ({a.method} {a.path}){' ' + note if note else ''} -> {a.status}"
        expect = {expect} if isinstance(expect, int) else set(expect)
        if a.status not in expect:
            fail(f"{what}: wanted {sorted(expect)}; body: {a.body[:500]!r}")
        key = str(a.status)
        if key not in op["responses"]:
            fail(f"{what}: status {a.status} is not documented for {opid} "
                 f"(documented: {sorted(op['responses'])})")
        resp, rpointer = self.d.deref(op["responses"][key], f"{pointer}/responses/{key}")
        self.check_response(what, a, resp, rpointer, events)
        self.seen[opid].add(a.status)
        if a.header("Location") and a.status < 300:
            loc = a.header("Location")
            b = self.client.request("GET", loc, token=ADMIN)
            if b.status != 200:
                fail(f"{what}: its Location {loc} answers {b.status}, not 200")
        return a

    def check_component(self, name, a, expect, note=""):
        """An answer documented in components/responses (404 of any /api/ path, 405)."""
        self.calls += 1
        what = f"{a.method} {a.path}{' ' + note if note else ''} -> {a.status}"
        if a.status != expect:
            fail(f"{what}: wanted {expect}; body: {a.body[:300]!r}")
        pointer = f"/components/responses/{name}"
        self.check_response(what, a, pointer_get(self.d.doc, pointer), pointer, None)
        self.extra.setdefault(name, set()).add(a.status)

    def check_response(self, what, a, resp, rpointer, events):
        for hname, h in resp.get("headers", {}).items():
            h, hpointer = self.d.deref(h, f"{rpointer}/headers/{esc(hname)}")
            value = a.header(hname)
            if value is None:
                if h.get("required"):
                    fail(f"{what}: the header {hname} is missing ({hpointer})")
                continue
            self.d.validate(value, f"{hpointer}/schema", f"{what}: header {hname}")
        content = resp.get("content")
        if not content:
            if a.body:
                fail(f"{what}: no body is documented, but it has {len(a.body)} bytes")
            return
        ctype = (a.header("Content-Type") or "").split(";")[0].strip().lower()
        if ctype not in content:
            fail(f"{what}: Content-Type '{ctype}' is not documented (documented: "
                 f"{sorted(content)})")
        mpointer = f"{rpointer}/content/{esc(ctype)}"
        media = content[ctype]
        if ctype.endswith("json"):
            try:
                body = json.loads(a.body)
            except ValueError as e:
                fail(f"{what}: the body is not JSON ({e}): {a.body[:300]!r}")
            self.d.validate(body, f"{mpointer}/schema", what)
        elif ctype == "text/event-stream":
            sse = media.get("x-sse-events", {})
            if events is None:
                fail(f"{what}: an event stream read as a plain body")
            for name, data in events:
                if name not in sse:
                    fail(f"{what}: SSE event '{name}' is not documented ({sorted(sse)})")
                try:
                    value = json.loads(data)
                except ValueError:
                    fail(f"{what}: SSE event '{name}' has data that is not JSON: {data[:200]!r}")
                self.d.validate(value, f"{mpointer}/x-sse-events/{esc(name)}",
                                f"{what}: SSE event '{name}'")
        elif not ctype.startswith("text/"):
            if not a.body:
                fail(f"{what}: an empty {ctype} body")
        else:
            try:
                text = a.body.decode("utf-8")
            except UnicodeDecodeError:
                fail(f"{what}: the {ctype} body is not UTF-8")
            self.d.validate(text, f"{mpointer}/schema", what)

    def request_body_ok(self, opid, body):
        """A body this test sends as valid must be valid under the documented request schema."""
        method, path, op, pointer = self.d.ops[opid]
        self.d.validate(body, f"{pointer}/requestBody/content/application~1json/schema",
                        f"{opid}: the request body this test sends")
        return body


# ---------------------------------------------------------------------------------------------
# The server


class Server:
    def __init__(self, judged, tmp, data, args, log_name):
        self.tmp = tmp
        self.port_file = os.path.join(tmp, log_name + ".port")
        if os.path.exists(self.port_file):
            os.unlink(self.port_file)
        self.log_path = os.path.join(tmp, log_name + ".log")
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, JUDGE_ADMIN_TOKEN=ADMIN)
        env.pop("JUDGED_WEB", None)
        self.proc = subprocess.Popen(
            [judged, "--listen", "127.0.0.1:0", "--data", data, "--port-file", self.port_file,
             "--web", "", "--webhook-private", *args],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 30
        while not (os.path.exists(self.port_file) and open(self.port_file).read().strip()):
            if self.proc.poll() is not None or time.time() > deadline:
                self.fail_start()
            time.sleep(0.05)
        self.port = int(open(self.port_file).read())

    def fail_start(self):
        self.log.flush()
        fail("judged did not start; its log:\n" + open(self.log_path).read()[-3000:])

    def wait_healthy(self, client):
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if client.request("GET", "/healthz", token=ADMIN).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.fail_start()

    def stop(self, timeout=15):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        finally:
            self.log.close()


# ---------------------------------------------------------------------------------------------
# Packages and programs


def zip_dir(folder, extra=None, drop=()):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for base, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                full = os.path.join(base, name)
                rel = os.path.relpath(full, folder)
                if rel not in drop:
                    z.write(full, rel)
        for rel, text in (extra or {}).items():
            z.writestr(rel, text)
    return buf.getvalue()


def tgz_dir(folder):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", compresslevel=1) as t:
        t.add(folder, arcname=os.path.basename(folder))
    return buf.getvalue()


MN = os.path.join(ROOT, "problems", "missing-number")
SUM = os.path.join(ROOT, "tests", "packages", "sum-groups")


def read(path):
    with open(path) as f:
        return f.read()


AC_SOURCE = read(os.path.join(MN, "submissions", "accepted", "xor.c"))
WA_SOURCE = read(os.path.join(MN, "submissions", "wrong_answer", "int_overflow.c"))
CE_SOURCE = "int missing_number(int *nums, int numsSize) { return oops; }\n"
ECHO_TWO = '#include "solution.h"\nint missing_number(int *n, int s) { (void)n; (void)s; return 2; }\n'


LONG_SOURCE = r"""#include "solution.h"

static long long total_of(const int *values, int count)
{
    long long sum = 0;
    for (int i = 0; i < count; i++)
        sum += values[i];
    return sum;
}

static long long expected_of(long long n)
{
    long long sum = 0;
    for (long long k = 0; k <= n; k++)
        sum += k;
    return sum;
}

int missing_number(int *nums, int numsSize)
{
    long long want = expected_of(numsSize);
    long long have = total_of(nums, numsSize);
    if (want < have)
        return -1;
    return (int)(want - have);
}
"""


class Hooks:
    """A webhook receiver on 127.0.0.1: keeps the JSON bodies POSTed to it."""

    def __init__(self):
        import http.server
        import threading
        got = self.got = []
        sigs = self.headers_got = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                sigs.append({k.lower(): v for k, v in self.headers.items()
                             if k.lower().startswith("webhook-")})
                got.append((self.path, self.headers.get("Content-Type"), self.rfile.read(n)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *a):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------------------------------------
# The calls


def phase_hiring(c, ck, TEAM, hooks):
    """Assessments, invites, the candidate's side, reports. Returns two started candidates."""
    R = c.request
    A = "/api/v1/assessments"
    body = ck.request_body_ok("assessment_post", {
        "title": "Backend hiring", "rules": "No AI assistants.",
        "problems": [{"slug": "missing-number", "points": 60}, {"slug": "team-sum"}],
        "duration_minutes": 30, "show_hidden_results": False, "max_submissions": 0,
        "counts": "best", "webhook_url": f"http://127.0.0.1:{hooks.port}/finished"})
    asm = ck.check("assessment_post", R("POST", A, body, token=TEAM), 201).json()
    aid = asm["id"]
    ck.check("assessment_post", R("POST", A, {"title": "", "problems": [{"slug": "no-such"}],
                                          "duration_minutes": 0, "counts": "worst",
                                          "webhook_url": "ftp://x"}, token=TEAM), 422,
             "five invalid fields")
    ck.check("assessment_post", R("POST", A, "[]", token=TEAM, ctype="application/json"), 400,
             "not an object")
    ck.check("assessment_post", R("POST", A, body), 401, "no token")
    ck.check("assessment_post", c.declared_length("POST", A, 2 << 20, token=TEAM,
                                                  ctype="application/json"), 413, "2 MiB declared")
    other = ck.check("assessment_post", R("POST", A, dict(body, title="To delete", webhook_url=None,
                                                          opens_at=None, closes_at=None),
                                          token=ADMIN), 201, "admin").json()
    lst = ck.check("assessments", R("GET", A, token=TEAM), 200, "team").json()
    if [x["id"] for x in lst["assessments"]] != [aid]:
        fail(f"a team's assessments: {lst}")
    ck.check("assessments", R("GET", A, token=ADMIN), 200, "admin")
    ck.check("assessments", R("GET", A), 401, "no token")
    ck.check("assessment", R("GET", f"{A}/{aid}", token=TEAM), 200)
    ck.check("assessment", R("GET", f"{A}/{other['id']}", token=TEAM), 404, "the admin's")
    ck.check("assessment", R("GET", f"{A}/abc", token=TEAM), 404, "not a number")
    ck.check("assessment", R("GET", f"{A}/{aid}"), 401, "no token")
    patch = ck.request_body_ok("assessment_patch", {"languages": ["c", "python"]})
    a = ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", patch, token=TEAM), 200).json()
    if a["languages"] != ["c", "python"] or a["id"] != aid:
        fail(f"the languages after PATCH: {a}")
    a = ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", {"languages": None}, token=TEAM), 200,
                 "null: every language").json()
    if a["languages"] is not None:
        fail(f"languages null after PATCH: {a}")
    e = ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", {"languages": ["c", "cobol"],
                                                               "title": "x"}, token=TEAM),
                 422, "an unknown language and a field that does not change").json()
    if sorted(x["pointer"] for x in e.get("errors", [])) != ["/languages/1", "/title"]:
        fail(f"PATCH errors should name /languages/1 and /title: {e}")
    ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", {}, token=TEAM), 422, "no languages")
    ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", "[]", token=TEAM,
                                   ctype="application/json"), 400, "not an object")
    ck.check("assessment_patch", R("PATCH", f"{A}/{other['id']}", patch, token=TEAM), 404,
             "the admin's")
    ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", patch), 401, "no token")
    edited = ck.request_body_ok("assessment_put", dict(body, title="Backend hiring (edited)"))
    if ck.check("assessment_put", R("PUT", f"{A}/{aid}", edited, token=TEAM),
                200).json()["title"] != "Backend hiring (edited)":
        fail("PUT /api/v1/assessments/{id}: the title did not change")
    ck.check("assessment_put", R("PUT", f"{A}/{aid}", {"title": "", "problems": [],
                                                     "duration_minutes": 0}, token=TEAM), 422,
             "three invalid fields")
    ck.check("assessment_put", R("PUT", f"{A}/{other['id']}", body, token=TEAM), 404,
             "the admin's")
    ck.check("assessment_put", R("PUT", f"{A}/{aid}", body), 401, "no token")
    ck.check("assessment_delete", R("DELETE", f"{A}/{other['id']}", token=TEAM), 404, "the admin's")
    ck.check("assessment_delete", R("DELETE", f"{A}/{other['id']}", token=ADMIN), 204)
    ck.check("assessment_delete", R("DELETE", f"{A}/{other['id']}", token=ADMIN), 404, "deleted")
    ck.check("assessment_delete", R("DELETE", f"{A}/{aid}"), 401, "no token")

    inv = f"{A}/{aid}/invites"
    tokens = {}
    ids = {}
    for name in ("Ada", "Bob", "Cy", "Dee"):
        ib = ck.request_body_ok("invite_post", {"name": name, "email": f"{name.lower()}@example.com",
                                                "expires_in_hours": 48})
        new = ck.check("invite_post", R("POST", inv, ib, token=TEAM), 201, name).json()
        tokens[name], ids[name] = new["token"], new["id"]
    ck.check("invite_post", R("POST", inv, {"name": "", "email": "nope", "expires_in_hours": 0},
                              token=TEAM), 422, "three invalid fields")
    ck.check("invite_post", R("POST", f"{A}/999999/invites", {"name": "X", "email": "x@y"},
                              token=TEAM), 404, "no such assessment")
    ck.check("invite_post", R("POST", inv, "{", token=TEAM, ctype="application/json"), 400,
             "not JSON")
    ck.check("invite_post", R("POST", inv, {"name": "X", "email": "x@y"}), 401, "no token")
    ck.check("invite_post", c.declared_length("POST", inv, 2 << 20, token=TEAM,
                                              ctype="application/json"), 413, "2 MiB declared")
    ck.check("invites", R("GET", inv, token=TEAM), 200)
    ck.check("invites", R("GET", f"{A}/999999/invites", token=TEAM), 404)
    ck.check("invites", R("GET", inv), 401, "no token")
    ck.check("invite_delete", R("DELETE", f"/api/v1/invites/{ids['Cy']}", token=TEAM), 204)
    ck.check("invite_delete", R("DELETE", f"/api/v1/invites/{ids['Cy']}", token=TEAM), 404,
             "revoked already")
    ck.check("invite_delete", R("DELETE", "/api/v1/invites/abc", token=TEAM), 404, "not a number")
    ck.check("invite_delete", R("DELETE", f"/api/v1/invites/{ids['Ada']}"), 401, "no token")
    ck.check("candidate", R("GET", "/api/v1/candidate", token=tokens["Cy"]), 401, "revoked invite")

    # The candidate's side.
    ADA, BOB, DEE = tokens["Ada"], tokens["Bob"], tokens["Dee"]
    sess = ck.check("candidate", R("GET", "/api/v1/candidate", token=ADA), 200, "invited").json()
    if sess["state"] != "invited" or sess["started_at"] is not None:
        fail(f"a session not started: {sess}")
    ck.check("candidate", R("GET", "/api/v1/candidate"), 401, "no token")
    ck.check("candidate", R("GET", "/api/v1/candidate", token=TEAM), 403, "a team token")
    cp = "/api/v1/candidate/problems/missing-number"
    ck.check("candidate_problem", R("GET", cp, token=ADA), 403, "before the start")
    ck.check("candidate_problem", R("GET", cp, token=ADMIN), 403, "the admin's token")
    ck.check("candidate_problem", R("GET", cp), 401, "no token")
    sub = "/api/v1/submissions"
    good = {"problem": "missing-number", "language": "c", "source": LONG_SOURCE}
    ck.check("submit", R("POST", sub, good, token=ADA), 403, "candidate, before the start")
    ck.check("run", R("POST", "/api/v1/run", good, token=ADA), 403, "candidate, before the start")
    ck.check("candidate_finish", R("POST", "/api/v1/candidate/finish", token=ADA), 409,
             "not started")
    ck.check("candidate_finish", R("POST", "/api/v1/candidate/finish"), 401, "no token")
    dp = "/api/v1/candidate/drafts/missing-number"
    draft = ck.request_body_ok("draft_put", {"language": "c", "source": LONG_SOURCE})
    ck.check("draft_put", R("PUT", dp, draft, token=ADA), 403, "before the start")
    ck.check("signal_post", R("POST", "/api/v1/candidate/signals", {"kind": "blur"}, token=ADA),
             403, "before the start")
    ck.check("candidate_start", R("POST", "/api/v1/candidate/start", token=TEAM), 403,
             "a team token")
    ck.check("candidate_start", R("POST", "/api/v1/candidate/start"), 401, "no token")
    sess = ck.check("candidate_start", R("POST", "/api/v1/candidate/start", token=ADA), 200).json()
    ck.check("assessment_put", R("PUT", f"{A}/{aid}", body, token=TEAM), 409,
             "a candidate has started")
    if sess["state"] != "started" or not sess["ends_at"]:
        fail(f"a started session: {sess}")
    ck.check("candidate_start", R("POST", "/api/v1/candidate/start", token=ADA), 200, "again")
    ck.check("assessment_patch", R("PATCH", f"{A}/{aid}", {"languages": ["c"]}, token=TEAM), 409,
             "a candidate started")
    for who in (BOB, DEE):
        ck.check("candidate_start", R("POST", "/api/v1/candidate/start", token=who), 200)
    p = ck.check("candidate_problem", R("GET", cp, token=ADA), 200).json()
    if "public" in p or p["slug"] != "missing-number":
        fail(f"a candidate's problem: {list(p)}")
    ck.check("candidate_problem", R("GET", "/api/v1/candidate/problems/triplet-sum", token=ADA),
             404, "not in the assessment")
    # Drafts (saved by the editor, a snapshot each) and signals.
    ck.check("draft", R("GET", dp, token=ADA), 404, "nothing saved yet")
    ck.check("draft_put", R("PUT", dp, draft, token=ADA), 200)
    ck.check("draft_put", R("PUT", dp, draft, token=ADA), 200, "the same code again")
    d_ = ck.check("draft", R("GET", dp, token=ADA), 200).json()
    if d_["source"] != LONG_SOURCE:
        fail(f"the draft read back is not the one saved: {json.dumps(d_)[:300]}")
    ck.check("draft", R("GET", dp, token=TEAM), 403, "a team token")
    ck.check("draft", R("GET", dp), 401, "no token")
    ck.check("draft_put", R("PUT", dp, {"language": "c"}, token=ADA), 422, "no source")
    ck.check("draft_put", R("PUT", "/api/v1/candidate/drafts/triplet-sum", draft, token=ADA), 422,
             "not in the assessment")
    ck.check("draft_put", R("PUT", dp, {"source": "x" * (256 * 1024 + 1)}, token=ADA), 413,
             "past 256 KiB")
    ck.check("draft_put", R("PUT", dp, "{", token=ADA, ctype="application/json"), 400, "not JSON")
    ck.check("draft_put", R("PUT", dp, draft), 401, "no token")
    sig = "/api/v1/candidate/signals"
    paste = ck.request_body_ok("signal_post", {"kind": "paste", "problem": "missing-number",
                                               "size": 120})
    ck.check("signal_post", R("POST", sig, paste, token=ADA), 204)
    ck.check("signal_post", R("POST", sig, {"kind": "blur", "duration_ms": 2500}, token=ADA), 204,
             "a focus loss")
    ck.check("signal_post", R("POST", sig, {"kind": "copy"}, token=ADA), 422, "an unknown kind")
    ck.check("signal_post", R("POST", sig, paste), 401, "no token")
    # Elsewhere a candidate's token is refused.
    ck.check("problems", R("GET", "/api/v1/problems", token=ADA), 403, "a candidate's token")
    ck.check("problem", R("GET", "/api/v1/problems/missing-number", token=ADA), 403,
             "a candidate's token")
    ck.check("metrics", R("GET", "/metrics", token=ADA), 403, "a candidate's token")
    ck.check("me", R("GET", "/api/v1/me", token=ADA), 403, "a candidate's token")
    ck.check("assessments", R("GET", A, token=ADA), 403, "a candidate's token")
    ck.check("openapi", R("GET", "/openapi.json", token=ADA), 200, "a candidate's token")
    # Submissions of a candidate.
    a = ck.check("submit", R("POST", sub + "?wait=true", good, token=ADA), 200, "candidate").json()
    if a.get("tests_hidden", 0) < 1 or any(t["group"] != "sample" for t in a["tests"]):
        fail(f"a candidate's result should hide the secret tests: {json.dumps(a)[:400]}")
    ans, evs = c.events(f"{sub}/{a['id']}/events", token=ADA)
    ck.check("submission_events", ans, 200, "candidate", events=evs)
    ck.check("submission", R("GET", f"{sub}/{a['id']}", token=ADA), 200, "candidate's own")
    ck.check("submission", R("GET", f"{sub}/{a['id']}", token=BOB), 404, "another candidate's")
    b = ck.check("submit", R("POST", sub + "?wait=true", good, token=BOB), 200, "candidate").json()
    mine = ck.check("submissions", R("GET", sub, token=BOB), 200, "candidate").json()
    if [x["id"] for x in mine["submissions"]] != [b["id"]]:
        fail(f"a candidate's list should hold their own submissions only: {mine}")
    ck.check("submit", R("POST", sub, dict(good, problem="triplet-sum"), token=ADA), 422,
             "candidate, not in the assessment")
    ck.check("run", R("POST", "/api/v1/run", dict(good, input="2\n0 1\n"), token=ADA), 200,
             "candidate")
    fin = ck.check("candidate_finish", R("POST", "/api/v1/candidate/finish", token=ADA), 200).json()
    if fin["state"] != "finished":
        fail(f"a finished session: {fin}")
    ck.check("candidate_start", R("POST", "/api/v1/candidate/start", token=ADA), 409, "finished")
    ck.check("submit", R("POST", sub, good, token=ADA), 403, "candidate, finished")
    ck.check("run", R("POST", "/api/v1/run", good, token=ADA), 403, "candidate, finished")

    # The team's side of the results.
    rep_ = ck.check("report", R("GET", f"{A}/{aid}/report", token=TEAM), 200).json()
    if len(rep_["candidates"]) != 4 or not rep_["similarity"]:
        fail(f"the report should list 4 candidates and flag Ada and Bob's equal programs: "
             f"{json.dumps(rep_)[:600]}")
    ck.check("report", R("GET", f"{A}/999999/report", token=TEAM), 404)
    ck.check("report", R("GET", f"{A}/{aid}/report"), 401, "no token")
    csv = ck.check("report_csv", R("GET", f"{A}/{aid}/report.csv", token=TEAM), 200)
    if csv.body.decode().count("\r\n") != 5:
        fail(f"the CSV report should have a header and 4 rows: {csv.body[:400]!r}")
    ck.check("report_csv", R("GET", f"{A}/999999/report.csv", token=TEAM), 404)
    ck.check("report_csv", R("GET", f"{A}/{aid}/report.csv", token=ADA), 403, "a candidate's token")
    ck.check("candidate_detail", R("GET", f"{A}/{aid}/candidates/{ids['Ada']}", token=TEAM), 200)
    ck.check("candidate_detail", R("GET", f"{A}/{aid}/candidates/999999", token=TEAM), 404)
    ck.check("candidate_detail", R("GET", f"{A}/{aid}/candidates/{ids['Ada']}"), 401, "no token")
    sim = ck.check("similarity", R("GET", f"{A}/{aid}/similarity", token=TEAM), 200).json()
    if not sim["pairs"] or "source" not in sim["pairs"][0]["a"]:
        fail(f"similarity should flag Ada and Bob with sources: {json.dumps(sim)[:400]}")
    ck.check("similarity", R("GET", f"{A}/999999/similarity", token=TEAM), 404)
    ck.check("similarity", R("GET", f"{A}/{aid}/similarity"), 401, "no token")
    tlp = f"{A}/{aid}/candidates/{ids['Ada']}/timeline"
    tl = ck.check("timeline", R("GET", tlp, token=TEAM), 200).json()
    if len(tl["snapshots"]) != 1 or len(tl["signals"]) != 2 or not tl["submissions"]:
        fail(f"Ada's timeline: one snapshot, two signals, her submissions: {json.dumps(tl)[:400]}")
    ck.check("timeline", R("GET", f"{A}/{aid}/candidates/999999/timeline", token=TEAM), 404)
    ck.check("timeline", R("GET", tlp), 401, "no token")
    snp = f"{A}/{aid}/candidates/{ids['Ada']}/snapshots/{tl['snapshots'][0]['id']}"
    ck.check("snapshot", R("GET", snp, token=TEAM), 200)
    ck.check("snapshot", R("GET", f"{A}/{aid}/candidates/{ids['Ada']}/snapshots/999999",
                           token=TEAM), 404)
    ck.check("snapshot", R("GET", snp, token=ADA), 403, "a candidate's token")

    # The finish webhook (delivered by a background thread within about a second).
    deadline = time.time() + 10
    while not hooks.got and time.time() < deadline:
        time.sleep(0.1)
    if not hooks.got:
        fail("the candidate.finished webhook was not delivered within 10 s")
    path, ctype, raw = hooks.got[0]
    if path != "/finished" or not (ctype or "").startswith("application/json"):
        fail(f"the webhook came to {path} as {ctype}")
    ck.d.validate(json.loads(raw), "/webhooks/candidateFinished/post/requestBody/content/"
                  "application~1json/schema", "the candidateFinished webhook")
    ck.webhooks += 1
    phase_trust(c, ck, TEAM, hooks, asm, aid, ids, ADA, raw)
    return BOB, DEE


def phase_trust(c, ck, TEAM, hooks, asm, aid, ids, ADA, raw):
    """Signed webhooks, the delivery log, redelivery, accommodations, the audit log (issue 21)."""
    import base64
    import hashlib
    import hmac
    R = c.request
    secret = asm.get("webhook_secret") or ""
    h = hooks.headers_got[0]
    key = base64.b64decode(secret[len("whsec_"):]) if secret.startswith("whsec_") else b""
    mac = base64.b64encode(hmac.new(key, f"{h.get('webhook-id')}.{h.get('webhook-timestamp')}."
                                    .encode() + raw, hashlib.sha256).digest()).decode()
    if h.get("webhook-signature") != "v1," + mac:
        fail(f"the webhook's signature does not verify with the secret of the assessment's "
             f"answer: {h}")
    W = "/api/v1/webhooks"
    log = ck.check("webhook_deliveries", R("GET", f"{W}/deliveries", token=TEAM), 200).json()
    if not log["deliveries"] or log["deliveries"][0]["status"] != "delivered":
        fail(f"the delivery log should show the delivered webhook: {json.dumps(log)[:400]}")
    did = log["deliveries"][0]["id"]
    ck.check("webhook_deliveries", R("GET", f"{W}/deliveries?limit=1", token=ADMIN), 200, "admin")
    ck.check("webhook_deliveries", R("GET", f"{W}/deliveries?limit=x", token=TEAM), 422)
    ck.check("webhook_deliveries", R("GET", f"{W}/deliveries"), 401, "no token")
    ck.check("webhook_deliveries", R("GET", f"{W}/deliveries", token=ADA), 403, "a candidate")
    ck.check("webhook_secret_post", R("POST", f"{W}/secret", token=TEAM), 201)
    ck.check("webhook_secret_post", R("POST", f"{W}/secret?team=x", token=ADMIN), 422)
    ck.check("webhook_secret_post", R("POST", f"{W}/secret?team=999999", token=ADMIN), 404,
             "no such team")
    ck.check("webhook_secret_post", R("POST", f"{W}/secret"), 401, "no token")
    ck.check("webhook_secret_post", R("POST", f"{W}/secret", token=ADA), 403, "a candidate")
    ck.check("webhook_redeliver", R("POST", f"{W}/deliveries/{did}/redeliver", token=TEAM), 202)
    ck.check("webhook_redeliver", R("POST", f"{W}/deliveries/999999/redeliver", token=TEAM), 404)
    ck.check("webhook_redeliver", R("POST", f"{W}/deliveries/{did}/redeliver"), 401, "no token")
    ck.check("webhook_redeliver", R("POST", f"{W}/deliveries/{did}/redeliver", token=ADA), 403,
             "a candidate")

    # Accommodations: Eve, invited, gets extra time; Ada's finished session re-opens.
    eve = ck.check("invite_post", R("POST", f"/api/v1/assessments/{aid}/invites",
                                    {"name": "Eve", "email": "eve@example.com"}, token=TEAM),
                   201, "Eve").json()
    xt, ro = f"/api/v1/invites/{eve['id']}/extra-time", f"/api/v1/invites/{ids['Ada']}/reopen"
    ck.check("invite_extra_time", R("POST", xt, {"minutes": 10}, token=TEAM), 200)
    ck.check("invite_extra_time", R("POST", xt, {"minutes": 0}, token=TEAM), 422)
    ck.check("invite_extra_time", R("POST", xt, "[", token=TEAM, ctype="application/json"), 400)
    ck.check("invite_extra_time", R("POST", "/api/v1/invites/999999/extra-time", {"minutes": 1},
                                    token=TEAM), 404)
    ck.check("invite_extra_time", R("POST", f"/api/v1/invites/{ids['Ada']}/extra-time",
                                    {"minutes": 1}, token=TEAM), 409, "finished")
    ck.check("invite_extra_time", c.declared_length("POST", xt, 2 << 20, token=TEAM,
                                                    ctype="application/json"), 413)
    ck.check("invite_extra_time", R("POST", xt, {"minutes": 1}), 401, "no token")
    ck.check("invite_extra_time", R("POST", xt, {"minutes": 1}, token=ADA), 403, "a candidate")
    ck.check("invite_reopen", R("POST", ro, {"minutes": 0}, token=TEAM), 422)
    ck.check("invite_reopen", R("POST", ro, "[", token=TEAM, ctype="application/json"), 400)
    ck.check("invite_reopen", R("POST", f"/api/v1/invites/{eve['id']}/reopen", {"minutes": 5},
                                token=TEAM), 409, "not started")
    ck.check("invite_reopen", R("POST", "/api/v1/invites/999999/reopen", {"minutes": 5},
                                token=TEAM), 404)
    ck.check("invite_reopen", c.declared_length("POST", ro, 2 << 20, token=TEAM,
                                                ctype="application/json"), 413)
    ck.check("invite_reopen", R("POST", ro, {"minutes": 5}), 401, "no token")
    ck.check("invite_reopen", R("POST", ro, {"minutes": 5}, token=ADA), 403, "a candidate")
    ck.check("invite_reopen", R("POST", ro, {"minutes": 5}, token=TEAM), 200)
    ck.check("candidate_finish", R("POST", "/api/v1/candidate/finish", token=ADA), 200,
             "re-opened, finished again")

    # The audit log: what the team just did, never editable.
    au = ck.check("audit", R("GET", "/api/v1/audit?limit=200", token=TEAM), 200).json()
    acts = {e["action"] for e in au["entries"]}
    for want in ("assessment.create", "invite.create", "invite.revoke", "report.export",
                 "candidate.code.view", "webhook.secret.rotate", "webhook.redeliver",
                 "invite.extra_time", "invite.reopen"):
        if want not in acts:
            fail(f"the audit log lacks {want}: {sorted(acts)}")
    ck.check("audit", R("GET", "/api/v1/audit?limit=1", token=ADMIN), 200, "admin")
    ck.check("audit", R("GET", "/api/v1/audit?before=0", token=TEAM), 422)
    ck.check("audit", R("GET", "/api/v1/audit"), 401, "no token")
    ck.check("audit", R("GET", "/api/v1/audit", token=ADA), 403, "a candidate")
    for method in ("PUT", "DELETE"):
        got = R(method, "/api/v1/audit", token=TEAM)
        if got.status != 405:
            fail(f"{method} /api/v1/audit: {got.status}, want 405 (the log is never edited)")

    # Retention, erasure of a candidate (Eve) and of a whole team.
    me_team = R("GET", "/api/v1/me", token=TEAM).json()["team_id"]
    rt = f"/api/v1/teams/{me_team}/retention"
    ck.check("retention", R("GET", rt, token=TEAM), 200)
    ck.check("retention", R("GET", rt, token=ADMIN), 200, "admin")
    ck.check("retention", R("GET", "/api/v1/teams/999999/retention", token=ADMIN), 404)
    ck.check("retention", R("GET", rt), 401, "no token")
    ck.check("retention", R("GET", rt, token=ADA), 403, "a candidate")
    got = ck.check("retention_put", R("PUT", rt, {"days": 30}, token=TEAM),
                   200).json()
    if got.get("days") != 30:
        fail(f"PUT {rt} with 30 days: {got}")
    ck.check("retention_put", R("PUT", rt, {"days": None}, token=TEAM), 200, "null")
    ck.check("retention_put", R("PUT", rt, {"days": -1}, token=TEAM), 422)
    ck.check("retention_put", R("PUT", rt, "[", token=TEAM, ctype="application/json"), 400)
    ck.check("retention_put", R("PUT", "/api/v1/teams/999999/retention", {"days": 1},
                                token=ADMIN), 404)
    ck.check("retention_put", c.declared_length("PUT", rt, 2 << 20, token=TEAM,
                                                ctype="application/json"), 413)
    ck.check("retention_put", R("PUT", rt, {"days": 1}), 401, "no token")
    ck.check("retention_put", R("PUT", rt, {"days": 1}, token=ADA), 403, "a candidate")
    # Reviews of Ada and of her first submission; the report shows them.
    rv = f"/api/v1/assessments/{aid}/candidates/{ids['Ada']}"
    ada = R("GET", rv, token=TEAM).json()
    ck.check("review_put", R("PUT", f"{rv}/review", {"rating": 4, "note": "ok"}, token=TEAM), 200)
    ck.check("review_put", R("PUT", f"{rv}/review", {"rating": 9}, token=TEAM), 422)
    ck.check("review_put", R("PUT", f"{rv}/review", "[", token=TEAM, ctype="application/json"),
             400)
    ck.check("review_put", R("PUT", f"/api/v1/assessments/{aid}/candidates/999999/review",
                             {"rating": 1}, token=TEAM), 404)
    ck.check("review_put", c.declared_length("PUT", f"{rv}/review", 2 << 20, token=TEAM,
                                             ctype="application/json"), 413)
    ck.check("review_put", R("PUT", f"{rv}/review", {"rating": 1}), 401, "no token")
    ck.check("review_put", R("PUT", f"{rv}/review", {"rating": 1}, token=ADA), 403, "a candidate")
    sr = f"{rv}/submissions/{ada['submissions'][0]['id']}/review"
    ck.check("submission_review_put", R("PUT", sr, {"note": "neat"}, token=TEAM), 200)
    ck.check("submission_review_put", R("PUT", sr, {"note": 5}, token=TEAM), 422)
    ck.check("submission_review_put", R("PUT", sr, "[", token=TEAM, ctype="application/json"),
             400)
    ck.check("submission_review_put", R("PUT", f"{rv}/submissions/nope/review", {"rating": 1},
                                        token=TEAM), 404)
    ck.check("submission_review_put", c.declared_length("PUT", sr, 2 << 20, token=TEAM,
                                                        ctype="application/json"), 413)
    ck.check("submission_review_put", R("PUT", sr, {"rating": 1}), 401, "no token")
    ck.check("submission_review_put", R("PUT", sr, {"rating": 1}, token=ADA), 403, "a candidate")
    rep = ck.check("report", R("GET", f"/api/v1/assessments/{aid}/report", token=TEAM), 200,
                   "with reviews").json()
    if not any(len(x["reviews"]) == 2 for x in rep["candidates"]):
        fail(f"the report should show Ada's two reviews: {json.dumps(rep)[:400]}")
    bk = f"/api/v1/assessments/{aid}/invites/bulk"
    got = ck.check("invites_bulk", R("POST", bk, {"csv": "name,email\nGil,gil@example.com\n"
                                                  "Gil 2,GIL@example.com\nX,nope\n"},
                                     token=TEAM), 200).json()
    if [x["status"] for x in got["rows"]] != ["created", "duplicate_in_file", "invalid"]:
        fail(f"bulk invites: {json.dumps(got)[:400]}")
    ck.check("invites_bulk", R("POST", bk, {"csv": "name,email\n"}, token=TEAM), 422, "no rows")
    ck.check("invites_bulk", R("POST", bk, {"csv": "".join(f"a{i},a{i}@x.org\n" for i in
                                                           range(1001))}, token=TEAM), 413,
             "past the row cap")
    ck.check("invites_bulk", R("POST", bk, "[", token=TEAM, ctype="application/json"), 400)
    ck.check("invites_bulk", R("POST", "/api/v1/assessments/999999/invites/bulk",
                               {"csv": "a,a@x.org"}, token=TEAM), 404)
    ck.check("invites_bulk", c.declared_length("POST", bk, 2 << 20, token=TEAM,
                                               ctype="application/json"), 413)
    ck.check("invites_bulk", R("POST", bk, {"csv": "a,a@x.org"}), 401, "no token")
    ck.check("invites_bulk", R("POST", bk, {"csv": "a,a@x.org"}, token=ADA), 403, "a candidate")
    er = f"/api/v1/assessments/{aid}/candidates/{eve['id']}"
    ck.check("candidate_erase", R("DELETE", er), 401, "no token")
    ck.check("candidate_erase", R("DELETE", er, token=ADA), 403, "a candidate")
    ck.check("candidate_erase", R("DELETE", er, token=TEAM), 204)
    ck.check("candidate_erase", R("DELETE", er, token=TEAM), 404, "erased already")
    doomed = ck.check("team_post", R("POST", "/api/v1/teams", {"name": "openapi-doomed"},
                                     token=ADMIN), 201, "to delete").json()
    td = f"/api/v1/teams/{doomed['id']}"
    ck.check("team_delete", R("DELETE", td), 401, "no token")
    ck.check("team_delete", R("DELETE", td, token=TEAM), 403, "team token")
    ck.check("team_delete", R("DELETE", td, token=ADMIN), 204)
    ck.check("team_delete", R("DELETE", td, token=ADMIN), 404, "deleted already")



def phase_members(c, ck, tid):
    """People and roles (issue 21): members, sessions by cookie with CSRF, login links."""
    R = c.request
    M = f"/api/v1/teams/{tid}/members"
    pw = "a long enough password"
    boss = ck.check("member_post", R("POST", M, {"email": "Boss@Example.com", "name": "Boss",
                                                  "role": "admin", "password": pw},
                                     token=ADMIN), 201, "the first admin, by the instance admin").json()
    if boss.get("email") != "boss@example.com" or not boss.get("has_password"):
        fail(f"the new member: {boss}")
    ck.check("member_post", R("POST", M, {"email": "boss@example.com", "name": "B", "role": "admin"},
                              token=ADMIN), 409, "the e-mail is taken")
    ck.check("member_post", R("POST", M, {"email": "no at sign", "name": "B", "role": "nobody"},
                              token=ADMIN), 422, "bad e-mail and role")
    ck.check("member_post", R("POST", M, {"email": "x@example.com", "name": "X", "role": "admin",
                                          "password": "short"}, token=ADMIN), 422, "short password")
    ck.check("member_post", R("POST", "/api/v1/teams/999999/members", {"email": "n@example.com",
                                                                       "name": "N",
                                                                       "role": "admin"},
                              token=ADMIN), 404)
    ck.check("member_post", R("POST", M, "[", token=ADMIN, ctype="application/json"), 400)
    ck.check("member_post", R("POST", M, {}), 401, "no token")
    ck.check("members", R("GET", M, token=ADMIN), 200)
    ck.check("members", R("GET", "/api/v1/teams/999999/members", token=ADMIN), 404)
    ck.check("auth_login", R("POST", "/api/v1/auth/login", {"email": "boss@example.com",
                                                             "password": "wrong password!"}),
             401, "wrong password")
    ck.check("auth_login", R("POST", "/api/v1/auth/login", {"email": 1}), 422, "no password")
    ck.check("auth_login", R("POST", "/api/v1/auth/login", "{", ctype="application/json"), 400)
    a = ck.check("auth_login", R("POST", "/api/v1/auth/login", {"email": "boss@example.com",
                                                                 "password": pw}), 200)
    cookie = a.header("Set-Cookie").split(";")[0]
    csrf = a.json()["csrf_token"]
    S = {"Cookie": cookie, "X-CSRF-Token": csrf}
    me = ck.check("me", R("GET", "/api/v1/me", headers={"Cookie": cookie}), 200, "session").json()
    if me.get("csrf_token") != csrf or me.get("team_role") != "admin":
        fail(f"GET /api/v1/me with the session: {me}")
    rev = ck.check("member_post", R("POST", M, {"email": "rev@example.com", "name": "Rev",
                                                "role": "reviewer", "login_link": True},
                                    headers=S), 201, "by the member, with a link").json()
    ck.check("member_post", R("POST", M, {"email": "r2@example.com", "name": "R", "role": "reviewer"},
                              headers={"Cookie": cookie}), 403, "no CSRF token")
    MB = f"{M}/{boss['id']}"
    MR = f"{M}/{rev['id']}"
    ck.check("member_patch", R("PATCH", MR, {"role": "read-only", "name": "Reviewer"}, headers=S),
             200)
    ck.check("member_patch", R("PATCH", MB, {"role": "recruiter"}, headers=S), 409,
             "the last admin")
    ck.check("member_patch", R("PATCH", MR, {"disabled": "yes"}, headers=S), 422)
    ck.check("member_patch", R("PATCH", f"{M}/999999", {}, headers=S), 404)
    link = ck.check("member_login_link", R("POST", f"{MR}/login-link", headers=S), 201).json()
    ck.check("member_login_link", R("POST", f"{M}/999999/login-link", headers=S), 404)
    ck.check("auth_link", R("POST", "/api/v1/auth/link", {"token": link["token"]}), 200)
    ck.check("auth_link", R("POST", "/api/v1/auth/link", {"token": link["token"]}), 401, "used")
    ck.check("auth_password", R("PUT", "/api/v1/auth/password",
                                {"current_password": pw, "password": pw + "!"}, headers=S), 204)
    ck.check("auth_password", R("PUT", "/api/v1/auth/password",
                                {"current_password": pw + "!", "password": "short"}, headers=S),
             422, "too short")
    ck.check("auth_password", R("PUT", "/api/v1/auth/password", {"password": pw}, token=ADMIN),
             409, "a key has no password")
    ck.check("auth_logout", R("POST", "/api/v1/auth/logout", token=ADMIN), 409, "a bearer token")
    ck.check("member_delete", R("DELETE", MB, headers=S), 409, "the last admin")
    ck.check("member_delete", R("DELETE", MR, headers=S), 204)
    ck.check("member_delete", R("DELETE", MR, headers=S), 404, "gone")
    ck.check("auth_logout", R("POST", "/api/v1/auth/logout", headers=S), 204)
    ck.check("auth_logout", R("POST", "/api/v1/auth/logout", headers=S), 401, "ended")


def phase_main(c, ck, tmp, hooks):
    """A fresh judge: every operation, good and bad."""
    R = c.request
    doc_raw = ck.doc_raw

    # Service endpoints.
    ck.check("healthz", R("GET", "/healthz"), 200)
    ck.check("healthz", R("GET", "/healthz", headers={"Authorization": "Basic eDp5"}), 401,
             "malformed Authorization")
    ck.check("readyz", R("GET", "/readyz"), 200)
    ck.check("readyz", R("GET", "/readyz", token="not-a-token"), 401, "unknown token")
    ck.check("metrics", R("GET", "/metrics"), 200)
    ck.check("metrics", R("GET", "/metrics", token="nope"), 401, "unknown token")
    a = ck.check("openapi", R("GET", "/openapi.json"), 200)
    if doc_raw is not None and a.body != doc_raw:
        fail("GET /openapi.json does not serve schema/openapi.json byte for byte "
             "(rebuild: meson compile -C build)")
    ck.check("openapi", R("GET", "/openapi.json", token="nope"), 401, "unknown token")

    # Who am I.
    ck.check("me", R("GET", "/api/v1/me"), 401, "no token")
    ck.check("me", R("GET", "/api/v1/me", token="nope"), 401, "unknown token")
    me = ck.check("me", R("GET", "/api/v1/me", token=ADMIN), 200).json()
    if me["role"] != "admin":
        fail(f"GET /api/v1/me with the admin token: {me}")

    # Teams and keys.
    team_name = "openapi-team"
    body = ck.request_body_ok("team_post", {"name": team_name})
    team = ck.check("team_post", R("POST", "/api/v1/teams", body, token=ADMIN), 201).json()
    ck.check("team_post", R("POST", "/api/v1/teams", body, token=ADMIN), 409, "same name")
    ck.check("team_post", R("POST", "/api/v1/teams", {"name": ""}, token=ADMIN), 422, "empty name")
    ck.check("team_post", R("POST", "/api/v1/teams", {"name": 5}, token=ADMIN), 422, "name 5")
    ck.check("team_post", R("POST", "/api/v1/teams", {}, token=ADMIN), 422, "no name")
    ck.check("team_post", R("POST", "/api/v1/teams", "{nope", token=ADMIN,
                            ctype="application/json"), 400, "not JSON")
    ck.check("team_post", R("POST", "/api/v1/teams", [1], token=ADMIN), 400, "not an object")
    ck.check("team_post", R("POST", "/api/v1/teams", body), 401, "no token")
    ck.check("team_post", c.declared_length("POST", "/api/v1/teams", 2 << 20, token=ADMIN,
                                            ctype="application/json"), 413, "2 MiB declared")
    ck.check("teams", R("GET", "/api/v1/teams", token=ADMIN), 200)
    ck.check("teams", R("GET", "/api/v1/teams"), 401, "no token")
    tid = team["id"]
    kbody = ck.request_body_ok("team_key_post", {"name": "laptop"})
    key = ck.check("team_key_post", R("POST", f"/api/v1/teams/{tid}/keys", kbody, token=ADMIN),
                   201).json()
    key2 = ck.check("team_key_post", R("POST", f"/api/v1/teams/{tid}/keys", {}, token=ADMIN),
                    201, "no name").json()
    ck.check("team_key_post", R("POST", "/api/v1/teams/999999/keys", kbody, token=ADMIN), 404,
             "no such team")
    ck.check("team_key_post", R("POST", "/api/v1/teams/abc/keys", kbody, token=ADMIN), 404,
             "id not a number")
    ck.check("team_key_post", R("POST", f"/api/v1/teams/{tid}/keys", {"name": "x" * 101},
                                token=ADMIN), 422, "name too long")
    ck.check("team_key_post", R("POST", f"/api/v1/teams/{tid}/keys", "nope", token=ADMIN,
                                ctype="application/json"), 400, "not JSON")
    ck.check("team_keys", R("GET", f"/api/v1/teams/{tid}/keys", token=ADMIN), 200)
    ck.check("team_keys", R("GET", "/api/v1/teams/999999/keys", token=ADMIN), 404, "no such team")
    TEAM = key["token"]
    me = ck.check("me", R("GET", "/api/v1/me", token=TEAM), 200, "team token").json()
    if me.get("role") != "team" or me.get("team_id") != tid or me.get("team") != team_name:
        fail(f"GET /api/v1/me with a team token: {me}")
    ck.check("teams", R("GET", "/api/v1/teams", token=TEAM), 403, "team token")
    ck.check("team_post", R("POST", "/api/v1/teams", {"name": "t2"}, token=TEAM), 403,
             "team token")
    # A team's key holders manage their own team's keys; another team's are as absent.
    ck.check("team_keys", R("GET", f"/api/v1/teams/{tid}/keys", token=TEAM), 200, "team token")
    ck.check("team_keys", R("GET", "/api/v1/teams/999999/keys", token=TEAM), 404,
             "another team, team token")
    own = ck.check("team_key_post", R("POST", f"/api/v1/teams/{tid}/keys", {}, token=TEAM), 201,
                   "team token").json()
    ck.check("team_key_post", R("POST", "/api/v1/teams/999999/keys", {}, token=TEAM), 404,
             "another team, team token")
    ck.check("key_delete", R("DELETE", f"/api/v1/keys/{own['id']}", token=TEAM), 204,
             "team token, own team's key")

    # Importing.
    mn_zip = zip_dir(MN)
    put = "/api/v1/problems/missing-number"
    # (Refused before the body is read: a small body, so that sending it cannot fail.)
    ck.check("problem_put", R("PUT", put, b"PK\x03\x04", ctype="application/zip"), 401,
             "no token")
    ck.check("problem_put", R("PUT", put, mn_zip, token=ADMIN, ctype="text/plain"), 415,
             "text/plain")
    ck.check("problem_put", R("PUT", put, mn_zip, token=ADMIN), 415, "no Content-Type")
    ck.check("problem_put", R("PUT", "/api/v1/problems/Bad_Slug", mn_zip, token=ADMIN,
                              ctype="application/zip"), 422, "invalid slug")
    ck.check("problem_put", R("PUT", put, b"not an archive", token=ADMIN,
                              ctype="application/zip"), 422, "not a zip")
    ck.check("problem_put", R("PUT", put + "?public=maybe", mn_zip, token=ADMIN,
                              ctype="application/zip"), 422, "public=maybe")
    ck.check("problem_put", c.declared_length("PUT", put, 300 << 20, token=ADMIN,
                                              ctype="application/zip"), 413, "300 MiB declared")
    empty_zip = io.BytesIO()
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("README", "no problem here\n")
    ck.check("problem_put", R("PUT", "/api/v1/problems/nothing", empty_zip.getvalue(), token=ADMIN,
                              ctype="application/zip"), 422, "no problem.yaml")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("problem.yaml", "name: [\n")
    broken = broken.getvalue()
    a = ck.check("problem_put", R("PUT", "/api/v1/problems/broken", broken, token=ADMIN,
                                  ctype="application/zip"), 422, "broken problem.yaml")
    if "verification" not in a.json():
        fail("a package that fails verification: 422 without its verification report")
    ck.check("problem", R("GET", "/api/v1/problems/broken", token=ADMIN), 404,
             "a failed import stores nothing")
    a = ck.check("problem_put", R("PUT", put, mn_zip, token=ADMIN, ctype="application/zip"), 201)
    if a.json()["changed"] is not True or a.json()["version"] != 1:
        fail(f"first import: {a.body[:300]!r}")
    a = ck.check("problem_put", R("PUT", put + "?public=true", mn_zip, token=ADMIN,
                                  ctype="application/zip"), 200, "same content again")
    if a.json()["changed"] is not False:
        fail("importing the same content again should change nothing")
    ck.check("problem_put", R("PUT", put, mn_zip, token=TEAM, ctype="application/zip"), 403,
             "a team replacing the admin's problem")
    ck.check("problem_put", R("PUT", "/api/v1/problems/team-sum?public=true", zip_dir(SUM),
                              token=TEAM, ctype="application/zip"), 403, "a team publishing")
    a = ck.check("problem_put", R("PUT", "/api/v1/problems/team-sum", tgz_dir(SUM), token=TEAM,
                                  ctype="application/gzip"), 201, "a team's own problem, gzip tar")
    if a.json()["public"] is not False:
        fail("a team's problem should not be public by default")

    # Reading problems.
    lst = ck.check("problems", R("GET", "/api/v1/problems"), 200, "anonymous").json()
    if [p["slug"] for p in lst["problems"]] != ["missing-number"]:
        fail(f"anonymous problem list: {lst}")
    lst = ck.check("problems", R("GET", "/api/v1/problems", token=TEAM), 200, "team").json()
    if [p["slug"] for p in lst["problems"]] != ["missing-number", "team-sum"]:
        fail(f"a team's problem list: {lst}")
    ck.check("problems", R("GET", "/api/v1/problems", token="nope"), 401, "unknown token")
    langs = ck.check("languages", R("GET", "/api/v1/languages"), 200, "anonymous").json()
    if not any(x["id"] == "c" and x["available"] for x in langs["languages"]):
        fail(f"languages without an available C: {langs}")
    ck.check("languages", R("GET", "/api/v1/languages", token="nope"), 401, "unknown token")
    p = ck.check("problem", R("GET", put), 200, "anonymous").json()
    if not p["samples"] or p["template"] is None or not p["function_signature"]:
        fail(f"missing-number: samples, template, function_signature expected: {p}")
    ck.check("problem", R("GET", "/api/v1/problems/team-sum", token=TEAM), 200, "scoring")
    ck.check("problem", R("GET", "/api/v1/problems/team-sum"), 404, "private, anonymous")
    ck.check("problem", R("GET", "/api/v1/problems/no-such"), 404)
    ck.check("problem", R("GET", "/api/v1/problems/NOT_A_SLUG"), 404)
    ck.check("problem", R("GET", put, token="nope"), 401, "unknown token")
    ver = "/api/v1/problems/missing-number/verification"
    ck.check("problem_verification", R("GET", ver, token=ADMIN), 200)
    ck.check("problem_verification", R("GET", "/api/v1/problems/team-sum/verification",
                                       token=TEAM), 200, "owner")
    ck.check("problem_verification", R("GET", ver, token=TEAM), 403, "not the owner")
    ck.check("problem_verification", R("GET", ver), 401, "no token")
    ck.check("problem_verification", R("GET", "/api/v1/problems/no-such/verification",
                                       token=ADMIN), 404)

    # Submissions.
    sub = "/api/v1/submissions"
    good = ck.request_body_ok("submit", {"problem": "missing-number", "language": "c",
                                         "source": AC_SOURCE})
    done = ck.check("submit", R("POST", sub + "?wait=true&timeout=50", good, token=ADMIN), 200,
                    "wait=true").json()
    if done["status"] != "done" or done["verdict"] != "AC" or done["score"] != done["max_score"]:
        fail(f"an accepted program: {json.dumps(done)[:400]}")
    wa = ck.request_body_ok("submit", {"problem": "missing-number", "language": "c",
                                       "source": WA_SOURCE})
    queued = ck.check("submit", R("POST", sub, wa, token=TEAM), 202, "team").json()
    a, evs = c.events(f"{sub}/{queued['id']}/events", token=TEAM)
    ck.check("submission_events", a, 200, "team", events=evs)
    names = [n for n, _ in evs]
    if not names or names[-1] != "done" or "test" not in names:
        fail(f"the event stream of a judged submission: {names}")
    final = json.loads(evs[-1][1])
    if final["verdict"] != "WA":
        fail(f"int_overflow.c should be WA: {final['verdict']}")
    a, evs = c.events(f"{sub}/{done['id']}/events")
    ck.check("submission_events", a, 200, "already done, anonymous", events=evs)
    a, _ = c.events(f"{sub}/{queued['id']}/events")
    ck.check("submission_events", a, 404, "a team's, anonymous")
    a, _ = c.events(f"{sub}/{'0' * 32}/events")
    ck.check("submission_events", a, 404, "no such submission")
    a, _ = c.events(f"{sub}/{done['id']}/events", token="nope")
    ck.check("submission_events", a, 401, "unknown token")

    ce = ck.request_body_ok("submit", {"problem": "missing-number", "language": "c",
                                       "source": CE_SOURCE})
    PT = {"X-Practice-Token": "openapi-check-practice-0123456789"}
    anon = ck.check("submit", R("POST", sub, ce, headers=PT), 202, "anonymous").json()
    # This browser's practice history, by its practice token.
    pl = ck.check("practice_submissions", R("GET", "/api/v1/practice/submissions?problem="
                                             "missing-number", headers=PT), 200).json()
    if [x["id"] for x in pl["submissions"]] != [anon["id"]]:
        fail(f"the practice history should hold the anonymous submission: {pl}")
    ck.check("practice_submissions", R("GET", "/api/v1/practice/submissions"), 400, "no token")
    ck.check("practice_submissions", R("GET", "/api/v1/practice/submissions?limit=0",
                                       headers=PT), 422, "limit=0")
    pg = ck.check("practice_progress", R("GET", "/api/v1/practice/progress", headers=PT),
                  200).json()
    if "missing-number" not in pg["problems"]:
        fail(f"the practice progress should list missing-number: {pg}")
    ck.check("practice_progress", R("GET", "/api/v1/practice/progress",
                                    headers={"X-Practice-Token": "short"}), 400, "a bad token")
    ck.check("submit", R("POST", sub, ce), 429, "anonymous, over the submit rate")
    ck.check("submit", R("POST", sub, ce, token="nope"), 401, "unknown token")
    ck.check("submit", R("POST", sub, {}, token=ADMIN), 422, "no fields")
    a = ck.check("submit", R("POST", sub, {"problem": "Nope!", "language": "cobol", "source": " "},
                             token=ADMIN), 422, "three invalid fields").json()
    if len(a.get("errors", [])) != 3:
        fail(f"three invalid fields should give three errors: {a}")
    ck.check("submit", R("POST", sub, {"problem": "no-such", "language": "c", "source": "x"},
                         token=ADMIN), 422, "unknown problem")
    ck.check("submit", R("POST", sub, {"problem": "team-sum", "language": "c", "source": "x"},
                         token=ADMIN), 202, "admin on a team's problem")
    ck.check("submit", R("POST", sub + "?wait=true&timeout=soon", good, token=ADMIN), 422,
             "timeout=soon")
    big = {"problem": "missing-number", "language": "c", "source": "/*" + "x" * (300 << 10) + "*/"}
    ck.check("submit", R("POST", sub, big, token=ADMIN), 413, "300 KiB source")
    ck.check("submit", c.declared_length("POST", sub, 5 << 20, token=ADMIN,
                                         ctype="application/json"), 413, "5 MiB declared")
    ck.check("submit", R("POST", sub, "{", token=ADMIN, ctype="application/json"), 400,
             "not JSON")
    ck.check("submit", R("POST", sub, '"text"', token=ADMIN, ctype="application/json"), 400,
             "not an object")

    s = ck.check("submission", R("GET", f"{sub}/{anon['id']}"), 200, "anonymous's, by id").json()
    if s.get("source") != CE_SOURCE:
        fail("GET /api/v1/submissions/{id} should return the source")
    ck.check("submission", R("GET", f"{sub}/{queued['id']}", token=TEAM), 200, "team's own")
    ck.check("submission", R("GET", f"{sub}/{queued['id']}"), 404, "a team's, anonymous")
    ck.check("submission", R("GET", f"{sub}/{'f' * 32}", token=ADMIN), 404)
    ck.check("submission", R("GET", f"{sub}/{done['id']}", token="nope"), 401, "unknown token")

    # Rejudge.
    rj = ck.check("rejudge", R("POST", f"{sub}/{done['id']}/rejudge", token=ADMIN), 202).json()
    if rj != {"id": done["id"], "status": "queued"}:
        fail(f"rejudge: {rj}")
    ck.check("rejudge", R("POST", f"{sub}/{'0' * 32}/rejudge", token=ADMIN), 404)
    ck.check("rejudge", R("POST", f"{sub}/{done['id']}/rejudge", token=TEAM), 403, "team token")
    ck.check("rejudge", R("POST", f"{sub}/{done['id']}/rejudge"), 401, "no token")

    # Wait until everything is judged, then page through the list.
    deadline = time.time() + 40
    while True:
        lst = R("GET", sub + "?limit=100", token=ADMIN).json()
        if all(x["status"] == "done" for x in lst["submissions"]):
            break
        if time.time() > deadline:
            fail("submissions not judged within 40 s")
        time.sleep(0.2)
    total = len(lst["submissions"])
    ids, cursor, pages = [], None, 0
    while True:
        q = sub + "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = ck.check("submissions", R("GET", q, token=ADMIN), 200,
                        "page" if cursor else "first page").json()
        ids += [x["id"] for x in page["submissions"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
        if pages > 50:
            fail("the cursor never ends")
    if len(ids) != total or len(set(ids)) != total or total < 4:
        fail(f"paging by 2 gave {len(ids)} ids ({len(set(ids))} distinct); the list has {total}")
    a = ck.check("submissions", R("GET", sub + "?verdict=AC&status=done&problem=missing-number",
                                  token=ADMIN), 200, "filtered").json()
    if not a["submissions"] or any(x["verdict"] != "AC" for x in a["submissions"]):
        fail(f"?verdict=AC gave {a}")
    mine = ck.check("submissions", R("GET", sub, token=TEAM), 200, "team").json()
    if [x["id"] for x in mine["submissions"]] != [queued["id"]]:
        fail(f"a team's list should hold its own submission only: {mine}")
    ck.check("submissions", R("GET", sub + "?limit=0", token=ADMIN), 422, "limit=0")
    ck.check("submissions", R("GET", sub + "?limit=101&cursor=x&status=bogus&verdict=OK",
                              token=ADMIN), 422, "four bad parameters")
    ck.check("submissions", R("GET", sub), 401, "no token")

    # Run.
    run = "/api/v1/run"
    body = ck.request_body_ok("run", {"problem": "missing-number", "language": "c",
                                      "source": ECHO_TWO})
    a = ck.check("run", R("POST", run, body, token=ADMIN), 200, "samples").json()
    if a["mode"] != "samples" or len(a["tests"]) != 2 or a["verdict"] != "AC":
        fail(f"a run on the samples: {a}")
    body = ck.request_body_ok("run", {"problem": "missing-number", "language": "c",
                                      "source": ECHO_TWO, "input": "3\n0 1 3\n"})
    a = ck.check("run", R("POST", run, body, token=TEAM), 200, "custom input").json()
    if a["mode"] != "input" or a["stdout"] != "2\n":
        fail(f"a run on custom input: {a}")
    a = ck.check("run", R("POST", run, dict(body, source=CE_SOURCE)), 200,
                 "anonymous, does not compile").json()
    if a["compiled"] is not False or a["verdict"] != "CE":
        fail(f"a run that does not compile: {a}")
    a = ck.check("run", R("POST", run, {"problem": "missing-number", "language": "cpp",
                                        "source": CE_SOURCE}, token=ADMIN), 200,
                 "samples, does not compile").json()
    if a["compiled"] is not False or a["tests"] != []:
        fail(f"a run on the samples that does not compile: {a}")
    ck.check("run", R("POST", run, body), 429, "anonymous, over the run rate")
    ck.check("run", R("POST", run, dict(body, input=5), token=ADMIN), 422, "input 5")
    ck.check("run", R("POST", run, dict(body, problem="team-sum"), token="nope"), 401,
             "unknown token")
    ck.check("run", R("POST", run, dict(body, source="x" * (300 << 10)), token=ADMIN), 413,
             "300 KiB source")
    ck.check("run", c.declared_length("POST", run, 3 << 20, token=ADMIN,
                                      ctype="application/json"), 413, "3 MiB declared")
    ck.check("run", R("POST", run, "[]", token=ADMIN, ctype="application/json"), 400,
             "not an object")

    phase_members(c, ck, tid)
    candidates = phase_hiring(c, ck, TEAM, hooks)

    # Deleting.
    ck.check("problem_delete", R("DELETE", put, token=TEAM), 403, "not the owner")
    ck.check("problem_delete", R("DELETE", put), 401, "no token")
    ck.check("problem_delete", R("DELETE", "/api/v1/problems/team-sum", token=TEAM), 409,
             "an assessment with running sessions uses it")
    # A problem of the team's that no assessment uses goes (the sessions above run on).
    ck.check("problem_put", R("PUT", "/api/v1/problems/team-spare", tgz_dir(SUM), token=TEAM,
                              ctype="application/gzip"), 201, "a problem to delete")
    ck.check("problem_delete", R("DELETE", "/api/v1/problems/team-spare", token=TEAM), 204,
             "owner")
    ck.check("problem_delete", R("DELETE", "/api/v1/problems/team-spare", token=TEAM), 404,
             "deleted")
    ck.check("problem", R("GET", "/api/v1/problems/team-spare", token=ADMIN), 404, "deleted")
    ck.check("key_delete", R("DELETE", f"/api/v1/keys/{key['id']}", token=ADMIN), 204)
    ck.check("me", R("GET", "/api/v1/me", token=TEAM), 401, "revoked token")
    ck.check("key_delete", R("DELETE", f"/api/v1/keys/{key['id']}", token=ADMIN), 404,
             "revoked already")
    ck.check("key_delete", R("DELETE", "/api/v1/keys/abc", token=ADMIN), 404, "not a number")
    ck.check("key_delete", R("DELETE", "/api/v1/keys/1"), 401, "no token")
    keys = ck.check("team_keys", R("GET", f"/api/v1/teams/{tid}/keys", token=ADMIN), 200,
                    "one revoked").json()["keys"]
    # The team's first key, revoked here; the admin's second, active; the one the team made
    # and revoked itself.
    if sorted(k["revoked_at"] is None for k in keys) != [False, False, True]:
        fail(f"keys after revoking one: {keys}")

    # What is not in the table.
    ck.check_component("MethodNotAllowed", R("DELETE", sub, token=ADMIN), 405,
                       "a method the path does not take")
    ck.check_component("MethodNotAllowed", R("PATCH", put, token=ADMIN), 405)
    ck.check_component("MethodNotAllowed", R("POST", "/index.html"), 405, "outside /api/")
    ck.check_component("NotFound", R("GET", "/api/v1/nothing"), 404, "unknown API path")
    return candidates


def phase_limits(c, ck, tmp, candidates):
    """A judge with no workers, a queue of one, a slow start-up import, and a read rate of 1/s.
    Returns once SIGTERM was sent while the import still runs."""
    R = c.request
    sub = "/api/v1/submissions"
    # Two connections kept open for after SIGTERM: a problem reply refused before the handler
    # closes its connection, so each serves one such answer.
    keep = [c.conn(), c.conn()]
    for k in keep:
        a = R("GET", "/healthz", token=ADMIN, conn=k)
        ck.check("healthz", a, 503, "starting: the start-up import runs")
        if a.json()["status"] != "starting":
            fail(f"/healthz while importing: {a.body!r}")
    ck.check("readyz", R("GET", "/readyz", token=ADMIN), 503, "starting")
    good = {"problem": "missing-number", "language": "c", "source": AC_SOURCE}
    a = ck.check("submit", R("POST", sub + "?wait=true&timeout=1", good, token=ADMIN), 202,
                 "wait=true, not judged in time").json()
    if a.get("status") != "queued" or "tests" not in a:
        fail(f"wait=true past its timeout should give the result so far: {a}")
    ck.check("submit", R("POST", sub, good, token=ADMIN), 503, "the queue is full")
    ck.check("rejudge", R("POST", f"{sub}/{a['id']}/rejudge", token=ADMIN), 409, "still queued")
    ans, evs = c.events(f"{sub}/{a['id']}/events", token=ADMIN, first_only=True, timeout=20)
    ck.check("submission_events", ans, 200, "queued: the first event", events=evs)
    if [n for n, _ in evs] != ["status"]:
        fail(f"the first event of a queued submission: {evs}")
    phase_workers(c, ck, a["id"], candidates)
    # Anonymous reads: 1 a second, 2 at once. Each open route meets the 429 within a few tries.
    def until_429(opid, call, note):
        for _ in range(5):
            a = call()
            ck.check(opid, a, (200, 404, 429), note)
            if a.status == 429:
                return
        fail(f"{opid}: 5 anonymous requests at once with --read-rate 1 met no 429")

    for opid, path in (("problems", "/api/v1/problems"), ("openapi", "/openapi.json"),
                       ("submission", f"{sub}/{'0' * 32}"),
                       ("problem", "/api/v1/problems/missing-number")):
        until_429(opid, lambda: R("GET", path), "anonymous, over the read rate")
    # Probes and scrapers are never rate-limited.
    for opid, path in (("healthz", "/healthz"), ("readyz", "/readyz"), ("metrics", "/metrics")):
        for _ in range(6):
            a = R("GET", path)
            ck.check(opid, a, (200, 503), "anonymous, past the read rate: never limited")
            if a.status == 429:
                fail(f"{opid}: a probe was rate-limited")
    until_429("submission_events", lambda: c.events(f"{sub}/{'0' * 32}/events")[0],
              "anonymous, over the read rate")
    until_429("run", lambda: R("POST", "/api/v1/run", good), "anonymous, over the read rate")
    until_429("submit", lambda: R("POST", sub, good), "anonymous, over the read rate")
    # --token-rate 6: one run at once per token. Each candidate has a bucket of their own.
    bob, dee = candidates
    run = {"problem": "missing-number", "language": "c", "source": ECHO_TWO, "input": "1\n0\n"}
    ck.check("run", R("POST", "/api/v1/run", run, token=bob), 200, "candidate, first run")
    ck.check("run", R("POST", "/api/v1/run", run, token=dee), 200,
             "another candidate, first run (a bucket of their own)")
    ck.check("run", R("POST", "/api/v1/run", run, token=bob), 429, "candidate, over the run rate")
    # Stopping: the open connection is still served, with 503 and Retry-After.
    return keep


def phase_workers(c, ck, queued_id, candidates):
    """Remote workers (no local ones here): tokens, claim, heartbeat, progress, release, result."""
    R = c.request
    T = "/api/v1/workers/tokens"
    body = ck.request_body_ok("worker_token_post", {"name": "box-1"})
    wt = ck.check("worker_token_post", R("POST", T, body, token=ADMIN), 201).json()
    W = wt["token"]
    ck.check("worker_token_post", R("POST", T, {"name": ""}, token=ADMIN), 422, "empty name")
    ck.check("worker_token_post", R("POST", T, "x", token=ADMIN, ctype="application/json"), 400,
             "not JSON")
    ck.check("worker_token_post", R("POST", T, body, token=W), 403, "a worker token")
    ck.check("worker_token_post", R("POST", T, body), 401, "no token")
    ck.check("worker_token_post", c.declared_length("POST", T, 2 << 20, token=ADMIN,
                                                    ctype="application/json"), 413,
             "2 MiB declared")
    ck.check("worker_tokens", R("GET", T, token=ADMIN), 200)
    ck.check("worker_tokens", R("GET", T, token=W), 403, "a worker token")
    ck.check("worker_tokens", R("GET", T), 401, "no token")
    # A worker token reaches the worker routes only, open ones neither.
    ck.check("me", R("GET", "/api/v1/me", token=W), 403, "a worker token")
    ck.check("healthz", R("GET", "/healthz", token=W), 403, "a worker token")
    ck.check("submit", R("POST", "/api/v1/submissions", {"problem": "missing-number",
                                                         "language": "c", "source": "x"},
                         token=W), 403, "a worker token")
    ck.check("submissions", R("GET", "/api/v1/submissions", token=W), 403, "a worker token")
    claim = "/api/v1/worker/claim"
    ck.check("worker_claim", R("POST", claim), 401, "no token")
    ck.check("worker_claim", R("POST", claim, token=candidates[0]), 403, "a candidate's token")
    ck.check("worker_claim", R("POST", claim + "?wait=soon", token=W), 422, "wait=soon")
    job = ck.check("worker_claim", R("POST", claim, token=W), 200).json()["job"]
    if job["submission"] != queued_id or not job["problem"]:
        fail(f"the claim should lease the queued submission {queued_id}: {job}")
    ck.check("worker_claim", R("POST", claim + "?wait=0", token=W), 204, "nothing queued")
    pkg = job["problem"]["package"]
    a = ck.check("worker_package", R("GET", pkg, token=W), 200)
    with tarfile.open(fileobj=io.BytesIO(a.body), mode="r:gz") as t:
        if "problem.yaml" not in t.getnames():
            fail(f"the package of {pkg} has no problem.yaml")
    ck.check("worker_package", R("GET", "/api/v1/worker/packages/" + "0" * 64, token=W), 404,
             "an unknown hash")
    ck.check("worker_package", R("GET", "/api/v1/worker/packages/nope", token=W), 404, "not a hash")
    ck.check("worker_package", R("GET", pkg), 401, "no token")
    ck.check("worker_package", R("GET", pkg, token=candidates[0]), 403, "a candidate's token")
    J = f"/api/v1/worker/jobs/{job['lease_id']}"
    stale = "/api/v1/worker/jobs/" + "0" * 32
    ck.check("worker_heartbeat", R("POST", J + "/heartbeat", token=W), 200)
    ck.check("worker_heartbeat", R("POST", stale + "/heartbeat", token=W), 409, "no such lease")
    ck.check("worker_heartbeat", R("POST", J + "/heartbeat"), 401, "no token")
    ck.check("worker_heartbeat", R("POST", J + "/heartbeat", token=candidates[0]), 403,
             "a candidate's token")
    test = {"index": 0, "name": "sample/01", "group": "sample", "sample": True, "verdict": "AC",
            "time_ms": 1, "memory_kb": 1000}
    for note, ev in (("status", {"status": "running", "compile_output": ""}), ("test", {"test": test})):
        ck.check("worker_progress", R("POST", J + "/progress", ck.request_body_ok("worker_progress", ev),
                                      token=W), 204, note)
    live = R("GET", f"/api/v1/submissions/{queued_id}", token=ADMIN).json()
    if live["status"] != "running" or len(live["tests"]) != 1:
        fail(f"a worker's progress should show in the submission: {live}")
    ck.check("worker_progress", R("POST", J + "/progress", {}, token=W), 422, "empty event")
    ck.check("worker_progress", R("POST", J + "/progress", {"test": {"verdict": "OK"}}, token=W), 422,
             "invalid test")
    ck.check("worker_progress", R("POST", J + "/progress", "[", token=W,
                                  ctype="application/json"), 400, "not JSON")
    ck.check("worker_progress", R("POST", stale + "/progress", {"status": "running"}, token=W), 409,
             "no such lease")
    ck.check("worker_progress", R("POST", J + "/progress", {"status": "running"}), 401, "no token")
    ck.check("worker_progress", R("POST", J + "/progress", {"status": "running"},
                                  token=candidates[0]), 403, "a candidate's token")
    ck.check("worker_progress", c.declared_length("POST", J + "/progress", 2 << 20, token=W,
                                                  ctype="application/json"), 413,
             "2 MiB declared")
    ck.check("worker_release", R("POST", J + "/release", token=W), 204)
    ck.check("worker_release", R("POST", J + "/release", token=W), 409, "released already")
    ck.check("worker_release", R("POST", J + "/release"), 401, "no token")
    ck.check("worker_release", R("POST", J + "/release", token=candidates[0]), 403,
             "a candidate's token")
    ck.check("worker_heartbeat", R("POST", J + "/heartbeat", token=W), 409, "released")
    job = ck.check("worker_claim", R("POST", claim + "?wait=1", token=W), 200, "again").json()["job"]
    J = f"/api/v1/worker/jobs/{job['lease_id']}"
    result = ck.request_body_ok("worker_result", {
        "verdict": "AC", "score": 100, "max_score": 100, "time_ms": 3, "memory_kb": 1200,
        "compile_output": "", "tests": [dict(test, message=None)]})
    ck.check("worker_result", R("POST", J + "/result", {"verdict": "OK"}, token=W), 422,
             "invalid result")
    ck.check("worker_result", R("POST", J + "/result", "", token=W, ctype="application/json"),
             400, "empty body")
    ck.check("worker_result", R("POST", J + "/result", result), 401, "no token")
    ck.check("worker_result", R("POST", J + "/result", result, token=candidates[0]), 403,
             "a candidate's token")
    ck.check("worker_result", c.declared_length("POST", J + "/result", 2 << 20, token=W,
                                                ctype="application/json"), 413, "2 MiB declared")
    done = ck.check("worker_result", R("POST", J + "/result", result, token=W), 200).json()
    if done != {"id": queued_id, "status": "done", "verdict": "AC"}:
        fail(f"a recorded result: {done}")
    ck.check("worker_result", R("POST", J + "/result", result, token=W), 409, "recorded already")
    final = ck.check("submission", R("GET", f"/api/v1/submissions/{queued_id}", token=ADMIN), 200,
                     "judged by a remote worker").json()
    if final["status"] != "done" or final["verdict"] != "AC":
        fail(f"a submission judged remotely: {final}")
    ck.check("key_delete", R("DELETE", f"/api/v1/keys/{wt['id']}", token=ADMIN), 204,
             "a worker token")
    ck.check("worker_claim", R("POST", claim, token=W), 401, "a revoked worker token")


def phase_stopping(c, ck, keep):
    R = c.request
    a = R("GET", "/healthz", token=ADMIN, conn=keep[0])
    ck.check("healthz", a, 503, "stopping")
    if a.json()["status"] != "stopping":
        fail(f"/healthz while stopping: {a.body!r}")
    ck.check("readyz", R("GET", "/readyz", token=ADMIN, conn=keep[0]), 503, "stopping")
    ck.check("me", R("GET", "/api/v1/me", token=ADMIN, conn=keep[1]), 503, "stopping")
    for k in keep:
        k.close()


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--judged", default=os.path.join(ROOT, "build", "cli", "judged"))
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--doc", default=DOC_PATH,
                    help="check this document instead of schema/openapi.json (to see the check "
                         "fail on a changed copy; the served document is then not compared)")
    args = ap.parse_args()
    start = time.time()
    raw, doc = load_doc(args.doc)
    d = Doc(doc)
    tmp = tempfile.mkdtemp(prefix="openapi-check-")
    servers = []
    try:
        for line in check_document(d):
            print(f"openapi_check: document: {line}")
        if os.geteuid() != 0:
            fail("the server part needs root (the sandbox); run as root")
        data = os.path.join(tmp, "data")
        s1 = Server(args.judged, tmp, data, ["--workers", "2", "--anon-rate", "6"], "main")
        servers.append(s1)
        c = Client(s1.port)
        s1.wait_healthy(c)
        ck = Checker(d, c)
        ck.doc_raw = raw if os.path.abspath(args.doc) == DOC_PATH else None
        hooks = Hooks()
        try:
            candidates = phase_main(c, ck, tmp, hooks)
        finally:
            hooks.close()
        print(f"openapi_check: main phase done at {time.time() - start:.1f} s", flush=True)
        rc = s1.stop()
        if rc != 0:
            fail(f"judged exited {rc} on SIGTERM (want 0)")
        # Same data; a start-up import long enough to see the judge starting, and then stopping
        # while it is still busy: many small packages, one after the other (after SIGTERM the
        # import ends with the package it is on).
        probs = os.path.join(tmp, "problems")
        for i in range(30):
            shutil.copytree(SUM, os.path.join(probs, f"slow-{i:02}"))
        s2 = Server(args.judged, tmp, data, ["--workers", "0", "--queue-max", "1", "--read-rate",
                                             "1", "--token-rate", "6", "--problems", probs],
                    "limits")
        servers.append(s2)
        c2 = Client(s2.port)
        ck.client = c2
        keep = phase_limits(c2, ck, tmp, candidates)
        s2.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        phase_stopping(c2, ck, keep)
        rc = s2.stop()
        print(f"openapi_check: limits phase done at {time.time() - start:.1f} s", flush=True)
        if rc != 0:
            fail(f"judged exited {rc} on SIGTERM while importing (want 0)")

        # Coverage.
        never = [o for o, st in ck.seen.items() if not st]
        if never:
            fail("operations of the document never exercised: " + ", ".join(never))
        missing_2xx = []
        print("openapi_check: operations (statuses seen / documented):")
        for opid, (method, path, op, _) in sorted(d.ops.items(), key=lambda x: (x[1][1], x[1][0])):
            documented = sorted(op["responses"])
            seen = sorted(str(s) for s in ck.seen[opid])
            unseen = [s for s in documented if s not in seen]
            missing_2xx += [f"{opid} {s}" for s in unseen if s.startswith("2")]
            print(f"  {method:6} {path:40} {opid:22} seen {','.join(seen):28} "
                  f"not seen {','.join(unseen) or '-'}")
        if missing_2xx:
            fail("documented success statuses never exercised: " + ", ".join(missing_2xx))
        for name, st in sorted(ck.extra.items()):
            print(f"  (components/responses/{name}: {','.join(map(str, sorted(st)))})")
        print(f"  (webhooks/candidateFinished: {ck.webhooks} delivery checked)")
        n_status = sum(len(s) for s in ck.seen.values())
        print(f"openapi_check: ok: {len(d.ops)} operations, {n_status} (operation, status) pairs, "
              f"{ck.calls} answers checked in {time.time() - start:.1f} s")
        return 0
    except (Mismatch, OSError, http.client.HTTPException) as e:
        if not isinstance(e, Mismatch):
            e = f"{type(e).__name__}: {e}"
        print(f"openapi_check: FAIL: {e}", file=sys.stderr)
        for s in servers:
            if s.proc.poll() is None:
                s.stop()
            print(f"openapi_check: judged log {s.log_path} (last lines):", file=sys.stderr)
            try:
                print(open(s.log_path, errors="replace").read()[-2000:], file=sys.stderr)
            except OSError:
                pass
        args.keep = True
        print(f"openapi_check: kept {tmp}", file=sys.stderr)
        return 1
    finally:
        for s in servers:
            if s.proc.poll() is None:
                s.stop()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
