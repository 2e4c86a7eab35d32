#!/usr/bin/env python3
"""A handful of addresses cannot lock everyone out (issue 13): 550 half-open requests from 5
addresses leave room for a stranger, because past half of --max-connections an address that
holds a few connections already gets no more, and no address gets more than --per-ip-connections.

usage: fair_connections.py PORT MAX PER_IP   (judged started with --max-connections MAX
                                               --per-ip-connections PER_IP and a long
                                               --conn-timeout, so that nothing times out here)
Addresses are 127.0.0.2 to 127.0.0.6 (the flood) and 127.0.0.7 (the stranger): Linux routes the
whole of 127/8 to loopback.
"""
import socket, sys

port, most, per_ip = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
fails = []


def get(source, path='/healthz'):
    """The status line of GET path from address `source`, or '' when refused or not answered."""
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=10, source_address=(source, 0))
        s.sendall(b'GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' % path.encode())
        data = s.recv(100)
        s.close()
    except OSError:
        return ''
    return data.split(b'\r\n', 1)[0].decode(errors='replace')


def half_open(source):
    """A request whose headers never end, from `source`; None when the connection failed."""
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=10, source_address=(source, 0))
        s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n')  # never finishes its headers
        return s
    except OSError:
        return None


flood = ['127.0.0.%d' % i for i in range(2, 7)]
held = []
for addr in flood:
    for _ in range(110):
        s = half_open(addr)
        if s:
            held.append((addr, s))
# Each half-open connection is either being read by the server (it waits for the rest of the
# headers) or was closed at once by the accept policy. A request on a fresh connection from each
# flooding address is answered or closed in turn: it shows the server has seen all of them.
for addr in flood:
    get(addr)
line = get('127.0.0.7')
if not line.startswith('HTTP/1.1 200'):
    fails.append('a stranger got %r while 5 addresses held 550 half-open requests' % line)
line = get('127.0.0.1')
if not line.startswith('HTTP/1.1 200'):
    fails.append('the loopback address got %r during the flood' % line)
# Which of the flood's connections does the server still hold? A refused one reads EOF (or a
# reset) at once; a held one has nothing to read.
open_by = {a: 0 for a in flood}
for addr, s in held:
    s.settimeout(0.2)
    try:
        if s.recv(1) != b'':
            open_by[addr] += 1
    except socket.timeout:
        open_by[addr] += 1
    except OSError:
        pass
for addr, n in open_by.items():
    if n > per_ip:
        fails.append('%s holds %d connections, more than --per-ip-connections %d' % (addr, n, per_ip))
if sum(open_by.values()) >= most:
    fails.append('the flood holds %d connections, the whole cap' % sum(open_by.values()))
for _, s in held:
    s.close()
for f in fails:
    print('FAIL', f)
print('fair connections: %s (held per address: %s)' %
      ('ok' if not fails else 'failed', ', '.join('%d' % n for n in open_by.values())))
sys.exit(1 if fails else 0)
