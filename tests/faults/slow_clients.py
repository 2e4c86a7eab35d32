#!/usr/bin/env python3
"""Slow clients cannot exhaust judged: past --per-ip-connections a new connection is refused,
and a connection that sends its headers too slowly is closed after --conn-timeout.

usage: slow_clients.py PORT PER_IP TIMEOUT_S     (judged started with those two options)
"""
import socket, sys, time

port, per_ip, timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
fails = []


def get(path='/healthz'):
    s = socket.create_connection(('127.0.0.1', port), timeout=5)
    s.sendall(b'GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' % path.encode())
    try:
        data = s.recv(100)
    except (ConnectionResetError, socket.timeout):
        data = b''
    s.close()
    return data


slow = []
for _ in range(per_ip):
    s = socket.create_connection(('127.0.0.1', port), timeout=5)
    s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n')  # never finishes its headers
    slow.append(s)
time.sleep(0.3)
refused = get()
if refused.startswith(b'HTTP/1.1 200'):
    fails.append('a connection past the per-address limit was served')
time.sleep(timeout + 1.5)
closed = 0
for s in slow:
    try:
        s.settimeout(1)
        closed += s.recv(100) == b''
    except ConnectionResetError:
        closed += 1
    except socket.timeout:
        pass  # still open: not closed by the server
    s.close()
if closed != per_ip:
    fails.append('%d of %d slow connections were closed after the timeout' % (closed, per_ip))
if not get().startswith(b'HTTP/1.1 200'):
    fails.append('no answer once the slow connections were gone')
for f in fails:
    print('FAIL', f)
print('slow clients: %s' % ('ok' if not fails else 'failed'))
sys.exit(1 if fails else 0)
