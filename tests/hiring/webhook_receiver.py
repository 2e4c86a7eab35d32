#!/usr/bin/env python3
"""A webhook receiver for the hiring suite: listens on an ephemeral loopback port (written to
PORT_FILE), answers the first FAIL_FIRST POSTs with 500 and the rest with 204, and appends one
JSON line per POST to LOG_FILE: {"n", "status", "at_ms", "body"}.

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
                                    "body": body}) + "\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

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
