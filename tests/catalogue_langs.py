#!/usr/bin/env python3
"""The catalogue in Python and C++, without the judge.

For every package in problems/ (or the slugs given), outside any sandbox:
- each submissions/accepted/*.py runs against every data/sample and data/secret test: saved as
  solution.py beside the files of include/python/ and started as `python3 driver.py` when the
  package has that folder, else started as `python3 solution.py`;
- each submissions/accepted/*.cpp is built with include/cpp/*.cpp (g++ -std=gnu++20 -O2 -static
  -I include/cpp), as the judge builds it, and runs against the same tests;
- the templates of attachments/templates/python and /cpp must build (a Python template must
  compile, a C++ template must compile and link with include/cpp/);
- a package with include/c/ must have include/python/driver.py and include/cpp/driver.cpp.
An output is checked as the judge checks it: the Kattis default validator with the flags of
problem.yaml (output_validator_args), or the package's compiled output validator when it has
`validation: custom`. The slowest run of each Python solution is reported as a share of the
time limit (limits.time_limit, else 1 second), in CPU time (user + system) so that a
busy machine does not distort it.

Usage: tests/catalogue_langs.py [-j JOBS] [--timeout-factor F] [SLUG...]
Exit status 0 when everything passed. JOBS defaults to 1 (the machine is shared).
"""
import argparse
import concurrent.futures
import math
import os
import re
import resource
import signal
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROBLEMS = os.path.join(ROOT, "problems")
CXX = ["g++", "-std=gnu++20", "-O2", "-pipe", "-static", "-DONLINE_JUDGE"]
CC = ["gcc", "-std=gnu17", "-O2", "-pipe"]


def yaml_scalar(text, key):
    """The value of `key:` in a flat or once-nested YAML text (enough for problem.yaml)."""
    m = re.search(r"^\s*" + re.escape(key) + r":\s*([^#\n]*)", text, re.M)
    return m.group(1).strip().strip("'\"") if m else None


class Flags:
    """The default validator's flags, as judge/checker.c reads them."""

    def __init__(self, args):
        self.case_sensitive = False
        self.space_change_sensitive = False
        self.abs_tol = None
        self.rel_tol = None
        toks = (args or "").split()
        i = 0
        while i < len(toks):
            t = toks[i]
            if t == "case_sensitive":
                self.case_sensitive = True
            elif t == "space_change_sensitive":
                self.space_change_sensitive = True
            elif t in ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"):
                i += 1
                v = float(toks[i])
                if t != "float_relative_tolerance":
                    self.abs_tol = v
                if t != "float_absolute_tolerance":
                    self.rel_tol = v
            else:
                raise ValueError("unknown validator flag %r" % t)
            i += 1


def as_float(tok):
    try:
        v = float(tok)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def compare(flags, out, ans):
    """None when `out` is accepted against `ans`, else where they first differ."""
    if flags.space_change_sensitive:
        split = lambda s: re.findall(r"\S+|\s+", s)
    else:
        split = str.split
    o, a = split(out), split(ans)
    for i, at in enumerate(a):
        if i >= len(o):
            return "token %d: expected %r, got end of output" % (i + 1, at)
        ot = o[i]
        if ot == at or (not flags.case_sensitive and ot.lower() == at.lower()):
            continue
        if flags.abs_tol is not None or flags.rel_tol is not None:
            av, ov = as_float(at), as_float(ot)
            if av is not None and ov is not None:
                err = abs(av - ov)
                if (flags.abs_tol is not None and err <= flags.abs_tol) or (
                        flags.rel_tol is not None and err <= flags.rel_tol * abs(av)):
                    continue
        return "token %d: expected %r, got %r" % (i + 1, at, ot[:40])
    if len(o) > len(a):
        return "token %d: expected end of output, got %r" % (len(a) + 1, o[len(a)][:40])
    return None


class Package:
    def __init__(self, slug):
        self.slug = slug
        self.dir = os.path.join(PROBLEMS, slug)
        with open(os.path.join(self.dir, "problem.yaml")) as f:
            y = f.read()
        self.time_limit = float(yaml_scalar(y, "time_limit") or 1)
        self.custom = (yaml_scalar(y, "validation") or "default").startswith("custom")
        self.flags = Flags(yaml_scalar(y, "output_validator_args"))
        self.tests = []
        for group in ("sample", "secret"):
            d = os.path.join(self.dir, "data", group)
            for root, _, files in sorted(os.walk(d)):
                for name in sorted(files):
                    if name.endswith(".in"):
                        base = os.path.join(root, name[:-3])
                        if os.path.exists(base + ".ans"):
                            self.tests.append(base)
        self.validator = None

    def sub(self, *parts):
        return os.path.join(self.dir, *parts)

    def build_validator(self, work):
        """Compiles output_validators/*/ (C sources) once; the executable's path."""
        vdir = self.sub("output_validators")
        srcs = []
        for root, _, files in os.walk(vdir):
            srcs += [os.path.join(root, f) for f in files if f.endswith(".c")]
        if not srcs:
            raise RuntimeError("validation: custom, but no C sources in output_validators/")
        exe = os.path.join(work, "validator")
        cmd = CC + ["-o", exe] + sorted(srcs) + ["-lm"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError("output validator does not compile:\n" + r.stderr[-2000:])
        self.validator = exe

    def check(self, base, out, work):
        with open(base + ".ans", encoding="utf-8", errors="replace") as f:
            ans = f.read()
        if not self.custom:
            return compare(self.flags, out, ans)
        fb = tempfile.mkdtemp(dir=work)
        r = subprocess.run([self.validator, base + ".in", base + ".ans", fb], input=out.encode(),
                           capture_output=True)
        judge = ""
        for name in ("judgemessage.txt", "judgeerror.txt"):
            p = os.path.join(fb, name)
            if os.path.exists(p):
                judge += open(p, errors="replace").read()
        shutil.rmtree(fb, ignore_errors=True)
        return None if r.returncode == 42 else "validator exit %d: %s" % (r.returncode, judge[:200])


def run_one(argv, cwd, fin, timeout):
    """Runs argv with stdin `fin`; (exit status or None past `timeout` CPU seconds, stdout, stderr,
    CPU seconds).
    CPU time (user + system, from wait4) rather than wall time: the machine may be shared."""
    def limit_cpu():
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(timeout), math.ceil(timeout) + 1))

    p = subprocess.Popen(argv, cwd=cwd, stdin=fin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=limit_cpu)
    res = {}

    def drain(name, stream):
        res[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    timer = threading.Timer(10 * timeout, p.kill)  # the wall-clock backstop of a busy machine
    timer.start()
    _, status, usage = os.wait4(p.pid, 0)
    timer.cancel()
    for t in readers:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    timed_out = os.WIFSIGNALED(status) and (cpu >= timeout or os.WTERMSIG(status) == signal.SIGKILL)
    return (None if timed_out else p.returncode), res["out"], res["err"], cpu


def run_tests(pkg, argv, cwd, timeout, work):
    """Runs argv on every test; (failures, slowest CPU seconds, its test)."""
    failures, slowest, slow_test = [], 0.0, None
    for base in pkg.tests:
        name = os.path.relpath(base, pkg.sub("data"))
        with open(base + ".in", "rb") as fin:
            rc, out, err, dt = run_one(argv, cwd, fin, timeout)
        if rc is None:
            failures.append("%s: over %.0f s" % (name, timeout))
            continue
        if dt > slowest:
            slowest, slow_test = dt, name
        if rc:
            err = err.decode(errors="replace").strip().splitlines()
            failures.append("%s: exit %d %s" % (name, rc, err[-1] if err else ""))
            continue
        why = pkg.check(base, out.decode(errors="replace"), work)
        if why:
            failures.append("%s: %s" % (name, why))
    return failures, slowest, slow_test


def stage(dst, folder):
    if os.path.isdir(folder):
        for f in os.listdir(folder):
            shutil.copy(os.path.join(folder, f), dst)


def check_package(slug, timeout_factor):
    """All checks of one package; a list of (ok, line) results."""
    pkg = Package(slug)
    lines = []
    work = tempfile.mkdtemp(prefix="catlangs-")
    try:
        if pkg.custom:
            pkg.build_validator(work)
        has_c = os.path.isdir(pkg.sub("include", "c"))
        inc_py, inc_cpp = pkg.sub("include", "python"), pkg.sub("include", "cpp")
        if has_c:
            for need in (os.path.join(inc_py, "driver.py"), os.path.join(inc_cpp, "driver.cpp")):
                if not os.path.exists(need):
                    lines.append((False, "%s: %s is missing" % (slug, os.path.relpath(need, ROOT))))
        acc = pkg.sub("submissions", "accepted")
        subs = sorted(f for f in os.listdir(acc) if f.endswith((".py", ".cpp")))
        if not any(f.endswith(".py") for f in subs):
            lines.append((False, "%s: no Python solution in submissions/accepted/" % slug))
        if has_c and not any(f.endswith(".cpp") for f in subs):
            lines.append((False, "%s: no C++ solution in submissions/accepted/" % slug))
        timeout = max(10.0, pkg.time_limit * timeout_factor)
        for name in subs:
            d = tempfile.mkdtemp(dir=work)
            src = os.path.join(acc, name)
            if name.endswith(".py"):
                shutil.copy(src, os.path.join(d, "solution.py"))
                stage(d, inc_py)
                main = "driver.py" if os.path.isdir(inc_py) else "solution.py"
                argv = [sys.executable, main]
            else:
                shutil.copy(src, os.path.join(d, "solution.cpp"))
                srcs = sorted(os.path.join(inc_cpp, f) for f in os.listdir(inc_cpp)
                              if f.endswith(".cpp")) if os.path.isdir(inc_cpp) else []
                exe = os.path.join(d, "prog")
                cmd = CXX + ["-I" + inc_cpp, "-o", exe] + srcs + [os.path.join(d, "solution.cpp"), "-lm"]
                r = subprocess.run(cmd, capture_output=True, text=True)
                if r.returncode:
                    lines.append((False, "%s/%s: does not compile:\n%s" % (slug, name, r.stderr[-3000:])))
                    continue
                argv = [exe]
            fails, slowest, slow_test = run_tests(pkg, argv, d, timeout, work)
            share = slowest / pkg.time_limit
            msg = "%s/%s: %d tests, slowest %.2f s CPU (%s) = %.2fx the %.3g s limit" % (
                slug, name, len(pkg.tests), slowest, slow_test, share, pkg.time_limit)
            if fails:
                lines.append((False, msg + "\n    " + "\n    ".join(fails[:5])))
            else:
                lines.append((True, msg))
        tpl_py = pkg.sub("attachments", "templates", "python", "solution.py")
        if os.path.exists(tpl_py):
            r = subprocess.run([sys.executable, "-m", "py_compile", tpl_py], capture_output=True,
                               text=True, env=dict(os.environ, PYTHONPYCACHEPREFIX=work))
            lines.append((r.returncode == 0, "%s: Python template compiles %s" % (slug, r.stderr[-500:])))
        elif has_c or os.path.isdir(pkg.sub("attachments", "templates", "c")):
            lines.append((False, "%s: no attachments/templates/python/solution.py" % slug))
        tpl_cpp = pkg.sub("attachments", "templates", "cpp", "solution.cpp")
        if os.path.exists(tpl_cpp):
            srcs = sorted(os.path.join(inc_cpp, f) for f in os.listdir(inc_cpp)
                          if f.endswith(".cpp")) if os.path.isdir(inc_cpp) else []
            cmd = CXX + ["-Wall", "-I" + inc_cpp, "-o", os.path.join(work, "tpl")] + srcs + [tpl_cpp]
            r = subprocess.run(cmd, capture_output=True, text=True)
            lines.append((r.returncode == 0, "%s: C++ template builds with the driver %s" % (slug, r.stderr[-1500:])))
        elif has_c:
            lines.append((False, "%s: no attachments/templates/cpp/solution.cpp" % slug))
    except Exception as e:  # a broken package is a failure of this package, not of the run
        lines.append((False, "%s: %s" % (slug, e)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--timeout-factor", type=float, default=20.0,
                    help="a run is stopped after this many time limits (default 20)")
    ap.add_argument("slugs", nargs="*")
    args = ap.parse_args()
    slugs = args.slugs or sorted(d for d in os.listdir(PROBLEMS)
                                 if os.path.exists(os.path.join(PROBLEMS, d, "problem.yaml")))
    passed = failed = 0
    worst = (0.0, "")
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for lines in ex.map(lambda s: check_package(s, args.timeout_factor), slugs):
            for ok, line in lines:
                print(("ok   " if ok else "FAIL ") + line, flush=True)
                passed += ok
                failed += not ok
                m = re.search(r"^(\S+\.py): .* = ([0-9.]+)x", line)
                if ok and m and float(m.group(2)) > worst[0]:
                    worst = (float(m.group(2)), m.group(1))
    if worst[1]:
        print("slowest Python solution: %s at %.2fx its time limit" % (worst[1], worst[0]))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
