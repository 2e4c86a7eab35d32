#!/usr/bin/env python3
"""One client of tests/pg/failover.sh: submits N times, spread over the API nodes, then follows
each submission's event stream to its end. A node that does not answer (killed) is left for the
next one: a submit is sent again there (a connection refused never reached a node, so nothing
was stored), a broken stream is opened again there. Prints one JSON object:
{"accepted": [ids], "done": {id: verdict}, "errors": [text], "stream_moves": n}.

usage: failover_client.py NAME COUNT TOKEN SOURCE_FILE PROBLEM BASE_URL...
"""
import http.client
import json
import sys
import time
import urllib.parse

name, count, token, source_file, problem = sys.argv[1:6]
bases = sys.argv[6:]
count = int(count)
source = open(source_file).read()
out = {"accepted": [], "done": {}, "errors": [], "stream_moves": 0}


def conn(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120)


def submit(i):
    body = json.dumps({"problem": problem, "language": "c", "source": source})
    # Start on a node of our own choosing; on a refused connection, the next one.
    for attempt in range(len(bases) * 20):
        base = bases[(i + attempt) % len(bases)]
        try:
            c = conn(base)
            c.request("POST", "/api/v1/submissions", body,
                      {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = c.getresponse()
            data = r.read()
            c.close()
        except (ConnectionError, OSError):
            continue  # this node is gone: the request never reached it
        if r.status == 202:
            return json.loads(data)["id"]
        if r.status in (429, 503):
            time.sleep(0.2)  # busy: the same request again (nothing was stored)
            continue
        out["errors"].append("submit %d: %d %s" % (i, r.status, data[:200]))
        return None
    out["errors"].append("submit %d: no node answered" % i)
    return None


def follow(sid, start):
    """Reads the events of `sid` until "done"; a broken stream moves to the next node."""
    for attempt in range(len(bases) * 20):
        base = bases[(start + attempt) % len(bases)]
        if attempt:
            out["stream_moves"] += 1
        try:
            c = conn(base)
            c.request("GET", "/api/v1/submissions/%s/events" % sid,
                      headers={"Authorization": "Bearer " + token})
            r = c.getresponse()
            if r.status != 200:
                out["errors"].append("events %s: %d" % (sid, r.status))
                return
            event = None
            for raw in r:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event == "done":
                    out["done"][sid] = json.loads(line[6:]).get("verdict")
                    c.close()
                    return
                elif line.startswith("data: ") and event == "error":
                    # A clear error ends the stream: the client says why and looks again.
                    out["errors"].append("events %s: error %s" % (sid, line[6:200]))
                    c.close()
                    break
            c.close()
        except (ConnectionError, OSError, http.client.HTTPException):
            pass
        time.sleep(0.1)
    out["errors"].append("events %s: never ended" % sid)


for i in range(count):
    sid = submit(i)
    if sid:
        out["accepted"].append(sid)
for k, sid in enumerate(out["accepted"]):
    follow(sid, k)
print(json.dumps(out))
