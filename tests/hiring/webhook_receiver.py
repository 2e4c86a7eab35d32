#!/usr/bin/env python3
"""A webhook receiver for the hiring suite: listens on an ephemeral loopback port (written to
PORT_FILE), answers the first FAIL_FIRST POSTs with 500 and the rest with 204, and appends one
JSON line per POST to LOG_FILE: {"n", "status", "at_ms", "body", "raw", "headers"} (raw: the body as
sent, for checking its signature; headers: the webhook-* ones). A failed POST's answer says so in
its body (the delivery log keeps its first bytes).

A POST to a path containing "/hold" is held: "started" is appended to LOG_FILE.started at once,
and the answer waits until the file LOG_FILE.release exists (a slow receiver, as long as a test
needs one). A POST to a path containing "/slow" is answered after 0.3 s (a busy receiver).

usage: webhook_receiver.py PORT_FILE LOG_FILE [FAIL_FIRST [ADDRESS]]

ADDRESS is where it listens (127.0.0.1; "::" for every address of the host, IPv4 and IPv6).
"""
import http.server
import json
import os
import socket
import sys
import threading
import time

port_file, log_file = sys.argv[1], sys.argv[2]
fail_first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
address = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
lock = threading.Lock()
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if "/hold" in self.path:
            with open(log_file + ".started", "a") as f:
                f.write("started\n")
            for _ in range(600):
                if os.path.exists(log_file + ".release"):
                    break
                time.sleep(0.1)
        if "/slow" in self.path:
            time.sleep(0.3)
        with lock:
            count += 1
            n = count
            status = 500 if n <= fail_first else 204
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
            with open(log_file, "a") as f:
                f.write(json.dumps({"n": n, "status": status, "at_ms": int(time.time() * 1000),
                                    "content_type": self.headers.get("Content-Type"),
                                    "body": body, "raw": raw.decode("utf-8", "replace"),
                                    "headers": {k.lower(): v for k, v in self.headers.items()
                                                if k.lower().startswith("webhook-")}}) + "\n")
        answer = b"receiver failed on purpose" if status == 500 else b""
        self.send_response(status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6 if ":" in address else socket.AF_INET

    def server_bind(self):
        if self.address_family == socket.AF_INET6:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


server = Server((address, 0), Handler)
tmp = port_file + ".tmp"
with open(tmp, "w") as f:
    f.write(str(server.server_address[1]))
os.rename(tmp, port_file)
server.serve_forever()
