#!/usr/bin/env python3
"""Load: 1,000 submissions from 50 concurrent clients while a monitor keeps reading the API.

Every submission answered 202 must reach exactly one result (one row, status done, the verdict
its source deserves, its tests recorded once), nothing else may appear in the database, and the
API must keep answering meanwhile. Latency figures are printed (bench/ publishes them); the test
itself only fails on a request that errs or takes longer than 5 s, so it is not flaky on time.

usage: tests/load/run.py build/cli/judged [SUBMISSIONS] [CLIENTS]
"""
import io, json, os, signal, sqlite3, subprocess, sys, tempfile, threading, time, zipfile
import urllib.request, urllib.error

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PKG = os.path.join(ROOT, 'tests/packages/sum-groups')
TOKEN = 'load-admin'
SOURCES = {  # what each submission is, and the verdict it must get
    'AC': open(os.path.join(PKG, 'submissions/accepted/long_long.c')).read(),
    'WA': open(os.path.join(PKG, 'submissions/wrong_answer/int.c')).read(),
    'CE': 'int main(void) { return x; }\n',
}


def request(base, method, path, body=None, token=None, ctype='application/json', timeout=30):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header('Content-Type', ctype)
    if token:
        req.add_header('Authorization', 'Bearer ' + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def zip_dir(d):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for base, _, files in os.walk(d):
            for f in files:
                p = os.path.join(base, f)
                z.write(p, os.path.relpath(p, d))
    return buf.getvalue()


def main():
    judged = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    tmp = tempfile.mkdtemp(prefix='judged-load-')
    portfile = os.path.join(tmp, 'port')
    log = open(os.path.join(tmp, 'judged.log'), 'w')
    env = dict(os.environ, JUDGE_ADMIN_TOKEN=TOKEN)
    proc = subprocess.Popen([judged, '--listen', '127.0.0.1:0', '--data', tmp + '/data',
                             '--port-file', portfile, '--token-rate', '0', '--workers', '2'],
                            stderr=log, env=env)
    failures = []
    try:
        for _ in range(100):
            if os.path.exists(portfile) and open(portfile).read().strip():
                break
            time.sleep(0.1)
        base = 'http://127.0.0.1:%s' % open(portfile).read().strip()
        st, body = request(base, 'PUT', '/api/v1/problems/sum-groups?public=true', zip_dir(PKG),
                           TOKEN, 'application/zip', timeout=300)
        assert st == 201, (st, body[:500])
        st, body = request(base, 'POST', '/api/v1/teams', {'name': 'load'}, TOKEN)
        team = json.loads(body)['id']
        st, body = request(base, 'POST', '/api/v1/teams/%d/keys' % team, {'name': 'load'}, TOKEN)
        key = json.loads(body)['token']

        accepted, lock = {}, threading.Lock()
        latencies, stop = [], threading.Event()

        def monitor():
            while not stop.is_set():
                for path in ('/healthz', '/api/v1/problems/sum-groups'):
                    t = time.monotonic()
                    try:
                        st, _ = request(base, 'GET', path, token=key, timeout=5)
                    except Exception as e:  # a timeout is a failure: the API stopped answering
                        failures.append('monitor %s: %s' % (path, e))
                        continue
                    latencies.append(time.monotonic() - t)
                    if st != 200:
                        failures.append('monitor %s: %d' % (path, st))
                time.sleep(0.02)

        def client(n):
            for i in range(n, total, clients):
                kind = 'AC' if i % 5 < 3 else 'WA' if i % 5 == 3 else 'CE'
                st, body = request(base, 'POST', '/api/v1/submissions',
                                   {'problem': 'sum-groups', 'language': 'c',
                                    'source': SOURCES[kind]}, key)
                if st != 202:
                    failures.append('submit %d: %d %s' % (i, st, body[:200]))
                    continue
                with lock:
                    accepted[json.loads(body)['id']] = kind

        mon = threading.Thread(target=monitor)
        mon.start()
        start = time.monotonic()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        submitted = time.monotonic() - start
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            st, body = request(base, 'GET', '/healthz')
            if json.loads(body).get('queue') == 0 and json.loads(body).get('judging') == 0:
                break
            time.sleep(1)
        judged_in = time.monotonic() - start
        stop.set()
        mon.join()
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)

        db = sqlite3.connect(tmp + '/data/judged.db')
        rows = db.execute('SELECT id, status, verdict, (SELECT count(*) FROM submission_tests t '
                          'WHERE t.submission_seq = s.seq), (SELECT count(DISTINCT idx) FROM '
                          'submission_tests t WHERE t.submission_seq = s.seq) '
                          'FROM submissions s').fetchall()
        seen = {}
        for sid, status, verdict, ntests, distinct in rows:
            if sid in seen:
                failures.append('submission %s appears twice' % sid)
            seen[sid] = True
            if sid not in accepted:
                failures.append('submission %s was never answered 202' % sid)
                continue
            if status != 'done' or verdict != accepted[sid]:
                failures.append('%s: %s %s, expected done %s' % (sid, status, verdict,
                                                                 accepted[sid]))
            if ntests != distinct:
                failures.append('%s: tests recorded twice' % sid)
        for sid in accepted:
            if sid not in seen:
                failures.append('submission %s answered 202 but lost' % sid)
        lat = sorted(latencies)
        pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else 0
        print('load: %d submissions from %d clients accepted in %.1f s, all judged in %.1f s '
              '(%.1f/s)' % (len(accepted), clients, submitted, judged_in,
                            len(accepted) / judged_in))
        print('load: API during the load: %d reads, p50 %.1f ms, p99 %.1f ms, max %.1f ms'
              % (len(lat), pct(0.5), pct(0.99), pct(1.0)))
        if len(accepted) != total:
            failures.append('%d of %d submissions accepted' % (len(accepted), total))
    finally:
        if proc.poll() is None:
            proc.kill()
    for f in failures[:20]:
        print('FAIL', f)
    print('load: %s' % ('ok' if not failures else '%d failures' % len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
