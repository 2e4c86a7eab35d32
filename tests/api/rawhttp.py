#!/usr/bin/env python3
"""What curl cannot do simply, for the API suite. Prints one JSON object on stdout.

  rawhttp.py bighead PORT PATH TOKEN LENGTH
      sends a PUT whose headers declare LENGTH bytes of zip, sends none of them, and reports the
      answer (status, content type, body) and how long it took: the judge must refuse it from
      the headers alone.
  rawhttp.py shutdown PORT PID
      opens a keep-alive connection, sends SIGTERM to PID, then asks again on the same
      connection (and on a new one) while the judge stops: it must answer 503, not serve.
  rawhttp.py send PORT REQUEST [TIMEOUT]
      sends REQUEST as it is (Python escapes such as \\r\\n and \\x00 are decoded first), then
      reports the first answer (status, body), how long it took and whether the judge then closed
      the connection within TIMEOUT seconds (5 by default). Status 0: no answer in time.
"""
import http.client
import json
import os
import signal
import socket
import sys
import time


def read_response(sock, timeout):
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1]) if lines and lines[0].startswith("HTTP/") else 0
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        length = int(headers.get("content-length", "0") or 0)
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
        return status, headers, rest[:length].decode("utf-8", "replace")
    except (socket.timeout, ConnectionError, ValueError) as e:
        return 0, {}, "error: %r" % (e,)


def bighead(port, path, token, length):
    start = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    req = (
        "PUT %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
        "Content-Type: application/zip\r\nContent-Length: %d\r\n\r\n" % (path, token, length)
    )
    s.sendall(req.encode())
    status, headers, body = read_response(s, 10)
    s.close()
    return {
        "status": status,
        "content_type": headers.get("content-type", ""),
        "body": body,
        "seconds": round(time.monotonic() - start, 3),
    }


def ask(conn, path):
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace")
        return {"status": r.status, "content_type": r.getheader("Content-Type", ""),
                "retry_after": r.getheader("Retry-After", ""), "body": body}
    except (OSError, http.client.HTTPException) as e:
        return {"status": 0, "error": repr(e)}


def shutdown(port, pid):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    before = ask(conn, "/api/v1/problems")
    os.kill(pid, signal.SIGTERM)
    sent_at = time.time()  # the 10 s of the contract count from here, not from this script's start
    # Until judged has taken the signal in (its answer changes), bounded: the caller keeps a
    # judgement in flight, so the shutdown lasts until it lets it go.
    during = ask(conn, "/api/v1/problems")
    for _ in range(200):
        if during.get("status") != 200:
            break
        time.sleep(0.05)
        during = ask(conn, "/api/v1/problems")
    fresh = ask(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/api/v1/problems")
    return {"before": before, "during": during, "fresh": fresh, "sent_at": sent_at}


def send(port, request, timeout):
    start = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(request.encode("latin-1").decode("unicode_escape").encode("latin-1"))
    status, headers, body = read_response(s, timeout)
    closed = False
    if status:
        s.settimeout(timeout)
        try:
            closed = s.recv(65536) == b""
        except socket.timeout:
            closed = False
        except ConnectionError:
            closed = True
    s.close()
    return {"status": status, "body": body, "closed": closed,
            "seconds": round(time.monotonic() - start, 3)}


def main():
    cmd = sys.argv[1]
    if cmd == "bighead":
        out = bighead(int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif cmd == "shutdown":
        out = shutdown(int(sys.argv[2]), int(sys.argv[3]))
    elif cmd == "send":
        out = send(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 5)
    else:
        sys.exit("unknown command " + cmd)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
