#!/usr/bin/env python3
"""Capacity figures of one judged, each a ratio measured in one run:

1. submissions per second at saturation against the machine's ceiling: the ceiling is the number
   of CPUs divided by the CPU time one submission needs (judged's own and its children's, from
   /proc, measured over submissions judged one at a time);
2. judged's memory (VmRSS) idle, and with 10,000 submissions queued (--workers 0).

usage: sudo bench/capacity.py [build/cli/judged]   env: SERIAL=20 BURST=200 QUEUED=10000
Prints a RESULT line for bench/run-all.sh.
"""
import json, os, signal, subprocess, sys, tempfile, threading, time, urllib.request, zipfile, io

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUDGED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build/cli/judged')
PKG = os.path.join(ROOT, 'bench/packages/sum-ten')
SOURCE = open(os.path.join(PKG, 'submissions/accepted/sum.c')).read()
TOKEN = 'capacity-admin'
SERIAL, BURST, QUEUED = (int(os.environ.get(k, d)) for k, d in
                         (('SERIAL', 30), ('BURST', 200), ('QUEUED', 10000)))
TICK = os.sysconf('SC_CLK_TCK')


def start(tmp, name, *args):
    port = os.path.join(tmp, name + '.port')
    log = open(os.path.join(tmp, name + '.log'), 'w')
    p = subprocess.Popen([JUDGED, '--listen', '127.0.0.1:0', '--data', os.path.join(tmp, name),
                          '--port-file', port, '--token-rate', '0', '--queue-max', '50000', *args],
                         stderr=log, env=dict(os.environ, JUDGE_ADMIN_TOKEN=TOKEN))
    for _ in range(200):
        if os.path.exists(port) and open(port).read().strip():
            break
        time.sleep(0.05)
    base = 'http://127.0.0.1:' + open(port).read().strip()
    for _ in range(100):
        try:
            if call(base, 'GET', '/healthz')[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.1)
    return p, base


def call(base, method, path, body=None, ctype='application/json'):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header('Authorization', 'Bearer ' + TOKEN)
    if data is not None:
        req.add_header('Content-Type', ctype)
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def import_pkg(base):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for d, _, files in os.walk(PKG):
            for f in files:
                z.write(os.path.join(d, f), os.path.relpath(os.path.join(d, f), PKG))
    st, body = call(base, 'PUT', '/api/v1/problems/sum-ten?public=true', buf.getvalue(),
                    'application/zip')
    assert st in (200, 201), body[:300]


def cpu_s(pid):
    """judged's CPU time and its waited-for children's (compilers, runs), in seconds."""
    f = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
    return sum(int(x) for x in f[11:15]) / TICK


def rss_kb(pid):
    for line in open('/proc/%d/status' % pid):
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
    return 0


def submit(base, wait=False):
    st, body = call(base, 'POST', '/api/v1/submissions' + ('?wait=true' if wait else ''),
                    {'problem': 'sum-ten', 'language': 'c', 'source': SOURCE})
    assert st in (200, 202), (st, body[:200])
    return json.loads(body)


def main():
    tmp = tempfile.mkdtemp(prefix='judged-capacity-')
    cpus = os.cpu_count()
    # 1. Saturation against the ceiling.
    p, base = start(tmp, 'sat')
    try:
        import_pkg(base)
        submit(base, wait=True)  # warm: the problem's cache
        cpu, t0 = [], time.monotonic()
        for _ in range(SERIAL):
            c0 = cpu_s(p.pid)
            assert submit(base, wait=True)['verdict'] == 'AC'
            cpu.append(cpu_s(p.pid) - c0)
        per_sub = sorted(cpu)[len(cpu) // 2]  # the median: one busy moment must not move it
        serial_wall = (time.monotonic() - t0) / SERIAL
        ceiling = cpus / per_sub
        t0 = time.monotonic()
        threads = [threading.Thread(target=submit, args=(base,)) for _ in range(BURST)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        while True:
            h = json.loads(call(base, 'GET', '/healthz')[1])
            if h['queue'] == 0 and h['judging'] == 0:
                break
            time.sleep(0.05)
        sat = BURST / (time.monotonic() - t0)
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=20)
    print('CPU per submission: %.1f ms (judged and its children, median of %d judged one at a time; '
          '%.1f ms wall each)' % (per_sub * 1000, SERIAL, serial_wall * 1000))
    print('ceiling: %d CPUs / %.1f ms = %.1f submissions/s' % (cpus, per_sub * 1000, ceiling))
    print('saturation: %d submissions at once, judged in %.1f s: %.1f submissions/s = %.2f of '
          'the ceiling' % (BURST, BURST / sat, sat, sat / ceiling))
    # 2. Memory idle and with QUEUED submissions waiting.
    p, base = start(tmp, 'mem', '--workers', '0')
    try:
        import_pkg(base)
        time.sleep(1)
        idle = rss_kb(p.pid)
        lock = threading.Lock()
        left = [QUEUED]

        def feeder():
            while True:
                with lock:
                    if left[0] == 0:
                        return
                    left[0] -= 1
                submit(base)
        threads = [threading.Thread(target=feeder) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        h = json.loads(call(base, 'GET', '/healthz')[1])
        time.sleep(1)
        queued = rss_kb(p.pid)
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=20)
    print('memory: idle %.1f MiB, with %d queued %.1f MiB (%.2fx)' % (
        idle / 1024, h['queue'], queued / 1024, queued / idle))
    print('RESULT capacity cpu_ms=%.1f ceiling=%.1f saturation=%.1f ratio=%.2f idle_kb=%d '
          'queued_kb=%d queued=%d mem_ratio=%.2f cpus=%d' % (
              per_sub * 1000, ceiling, sat, sat / ceiling, idle, queued, h['queue'],
              queued / idle, cpus))
    subprocess.run(['rm', '-rf', tmp])


if __name__ == '__main__':
    main()
