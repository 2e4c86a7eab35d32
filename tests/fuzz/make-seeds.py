#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/corpus/ (pkg, unpack, checker).

The seeds are checked in; this script is only for changing them: python3 tests/fuzz/make-seeds.py
(standard library only). It rewrites the three folders from the repository's own packages and from
the hostile cases below, so every seed is reproducible.
"""
import gzip
import io
import os
import shutil
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def out(kind, name, data):
    path = os.path.join(CORPUS, kind, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def read(rel):
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


# pkg: problem.yaml NUL data/secret/testdata.yaml NUL data/secret/group1/test_group.yaml NUL
# data/testdata.yaml (fuzz_pkg.c). Fewer parts: the later files are absent.

def pkg_seeds():
    def seed(name, *parts):
        out("pkg", name, b"\0".join(p if isinstance(p, bytes) else p.encode() for p in parts))

    seed("modern-missing-number", read("problems/missing-number/problem.yaml"))
    seed("modern-float-rmse", read("problems/rmse/problem.yaml"))
    seed("legacy-sqrt", read("tests/packages/sqrt-legacy/problem.yaml"))
    seed("legacy-custom-any-permutation", read("tests/packages/any-permutation/problem.yaml"))
    seed("legacy-scoring-sum-groups",
         read("tests/packages/sum-groups/problem.yaml"),
         read("tests/packages/sum-groups/data/secret/testdata.yaml"),
         read("tests/packages/sum-groups/data/secret/group1/testdata.yaml"))
    seed("legacy-all-keys",
         "name: Legacy\ntype: scoring\nvalidation: default\n"
         "validator_flags: case_sensitive space_change_sensitive float_absolute_tolerance 0.5\n"
         "limits:\n  time_multiplier: 3\n  time_safety_margin: 1.5\n  memory: 2048\n"
         "  output: 64\n",
         "grader_flags: sum first_error ignore_sample\nrange: 0 100\naccept_score: 2\n"
         "on_reject: break\ninput_validator_flags: --max 10\n",
         "grader_flags: min\naccept_score: 30\non_reject: continue\n"
         "output_validator_flags: float_relative_tolerance 1e-3\n",
         "accept_score: 1\nrange: 0 1\n")
    seed("legacy-huge-accept-score", "name: S\ntype: scoring\n",
         "accept_score: 1e308\nrange: 0 100\n", "accept_score: -1e308\n")
    seed("modern-2023-all-keys",
         "problem_format_version: 2023-07-draft\n"
         "name:\n  en: Modern\n  sv: Modern\n"
         "type: [scoring]\n"
         "limits:\n  time_limit: 2.5\n  time_multipliers:\n    ac_to_time_limit: 2\n"
         "    time_limit_to_tle: 1.5\n  memory: 512\n  output: 16\n"
         "output_validator_args: [float_tolerance, '1e-6']\n",
         "scoring:\n  score: 60\n  aggregation: sum\n",
         "scoring:\n  score: 40\n  aggregation: min\n"
         "output_validator_args: [case_sensitive]\ninput_validator_args: [--n, '5']\n",
         "output_validator_args: space_change_sensitive\n")
    seed("modern-2025-pass-fail",
         "problem_format_version: 2025-09-draft\nname: {sv: Bara svenska}\n"
         "type: [pass-fail]\nlimits: {time_limit: 0.5, memory: 64}\n",
         "score: 100\n")
    seed("modern-custom-validation",
         "problem_format_version: 2023-07-draft\nname: Custom\nvalidation: custom score\n"
         "output_validator_args: anything goes\n")
    seed("refused-interactive",
         "problem_format_version: 2023-07-draft\nname: I\ntype: [interactive, multi-pass]\n")
    seed("refused-validation-interactive", "name: I\nvalidation: custom interactive\n")
    seed("refused-unknown-type-and-limits",
         "name: X\ntype: {a: b}\nlimits: {time_limit: 1e309, memory: .nan, output: -1}\n"
         "validation: sometimes\n")
    seed("hostile-anchors-aliases",
         "a: &x [float_tolerance, &y '1e-6', *y]\nname: &n {en: *n}\n"
         "output_validator_args: *x\ntype: &t [*t, scoring]\nlimits: &l {limits: *l}\n",
         "scoring: &s {score: *s, aggregation: *s}\n")
    # A short file that names one long string many times: the joined list must stay capped.
    seed("hostile-alias-bomb",
         "name: B\nx: &x " + "a" * 500 + "\ntype: [" + ", ".join(["*x"] * 1500) + "]\n",
         "x: &x " + "b" * 500 + "\noutput_validator_args: [" + ", ".join(["*x"] * 10) + "]\n")
    seed("hostile-tags-flow-multidoc",
         "%YAML 1.1\n---\n!!map {? !!str name : !!str Tagged, type: !!seq [pass-fail]}\n"
         "--- second document\n",
         "--- |\n  literal\n",
         "? [complex, key]\n: value\n")
    seed("hostile-not-a-mapping", "- name\n- type\n", "just a scalar\n", "[]\n", "")
    seed("hostile-bom-unicode",
         b"\xef\xbb\xbfname: \"\\u00e9t\\u00e9 \\U0001F600\"\ntype: pass-fail\n")
    seed("hostile-bad-syntax", "name: [unclosed\n", "key: 'bad\n", "\t- tab\n", "a: b: c\n")
    seed("empty", "")


# unpack: zip and gzip tar bytes (fuzz_unpack.c).

def tar_bytes(members, compress=True):
    """members: (name, kind, data_or_target) with kind in file, dir, sym, hard, fifo, chr."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if compress else "w",
                      format=tarfile.GNU_FORMAT) as t:
        for name, kind, arg in members:
            info = tarfile.TarInfo(name)
            info.mtime = 0
            info.mode = 0o644
            data = None
            if kind == "file":
                data = arg if isinstance(arg, bytes) else arg.encode()
                info.size = len(data)
            elif kind == "dir":
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif kind == "sym":
                info.type, info.linkname, info.mode = tarfile.SYMTYPE, arg, 0o777
            elif kind == "hard":
                info.type, info.linkname = tarfile.LNKTYPE, arg
            elif kind == "fifo":
                info.type = tarfile.FIFOTYPE
            elif kind == "chr":
                info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 1, 3
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def zip_bytes(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, kind, arg in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            if kind == "file":
                info.external_attr = 0o100644 << 16
                z.writestr(info, arg)
            elif kind == "dir":
                info.external_attr = (0o040755 << 16) | 0x10
                z.writestr(info, b"")
            elif kind == "sym":
                info.external_attr = 0o120777 << 16
                info.create_system = 3
                z.writestr(info, arg)
    return buf.getvalue()


def package_members(rel, top, cap=256):
    """A package folder as members under `top` (may be ""), files cut to `cap` bytes."""
    base = os.path.join(ROOT, rel)
    members = []
    for d, dirs, files in sorted(os.walk(base)):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(d, f)
            name = os.path.join(top, os.path.relpath(path, base))
            with open(path, "rb") as fh:
                members.append((name, "file", fh.read(cap)))
    return members


def unpack_seeds():
    sum_groups = package_members("tests/packages/sum-groups", "sum-groups")
    out("unpack", "real-sum-groups.tar.gz", tar_bytes(sum_groups))
    out("unpack", "real-sum-groups.zip", zip_bytes(sum_groups))
    out("unpack", "real-sqrt-legacy-flat.tar.gz",
        tar_bytes(package_members("tests/packages/sqrt-legacy", "")))
    out("unpack", "real-any-permutation-stored.zip",
        zip_bytes(package_members("tests/packages/any-permutation", "any-permutation"),
                  zipfile.ZIP_STORED))
    out("unpack", "real-digit-sum-cut.zip",
        zip_bytes(package_members("problems/digit-sum", "digit-sum", cap=96)))

    pkg = [("p/problem.yaml", "file", "name: P\n"),
           ("p/statement/problem.en.md", "file", "P\n"),
           ("p/data/secret/1.in", "file", "1\n"), ("p/data/secret/1.ans", "file", "1\n")]
    out("unpack", "real-plain-tar.tar", tar_bytes(pkg, compress=False))
    out("unpack", "ok-dirs-and-inside-links.tar.gz", tar_bytes(
        [("./", "dir", None), ("p/", "dir", None)] + pkg +
        [("p/data/sample", "dir", None),
         ("p/data/sample/1.in", "sym", "../secret/1.in"),
         ("p/data/sample/1.ans", "sym", "../secret/1.ans"),
         ("p/data/secret/dir-link", "sym", ".")]))
    out("unpack", "ok-zip-inside-link.zip",
        zip_bytes(pkg + [("p/data/sample/", "dir", None),
                         ("p/data/sample/1.in", "sym", "../secret/1.in")]))
    out("unpack", "hostile-dotdot.zip", zip_bytes([("p/../../evil", "file", "x")]))
    out("unpack", "hostile-absolute.tar.gz", tar_bytes([("/tmp/evil", "file", "x")]))
    out("unpack", "hostile-link-leaves.tar.gz",
        tar_bytes(pkg + [("p/etc", "sym", "../../../../etc")]))
    out("unpack", "hostile-link-absolute.zip", zip_bytes(pkg + [("p/passwd", "sym", "/etc/passwd")]))
    out("unpack", "hostile-hard-link.tar.gz",
        tar_bytes(pkg + [("p/hard", "hard", "p/problem.yaml")]))
    out("unpack", "hostile-fifo-device.tar.gz",
        tar_bytes([("p/fifo", "fifo", None), ("p/null", "chr", None)]))
    # A link whose target goes through another link: inside as text, outside in fact; then an
    # entry made through it.
    out("unpack", "hostile-link-chain.tar.gz", tar_bytes(
        [("a/b/c/keep", "file", "k"), ("d/e/f/keep", "file", "k"),
         ("a/b/c/l", "sym", "../../.."),
         ("d/e/f/m", "sym", "../../../a/b/c/l/../.."),
         ("d/e/f/m/evil", "sym", "keep")]))
    out("unpack", "hostile-link-below-link.tar.gz", tar_bytes(
        [("a/b/c/keep", "file", "k"), ("a/b/c/l", "sym", "../../.."),
         ("a/b/c/l/x", "sym", "../../../..")]))
    out("unpack", "hostile-write-through-link.tar.gz", tar_bytes(
        [("p/l", "sym", "."), ("p/l/problem.yaml", "file", "name: P\n")]))
    out("unpack", "hostile-file-then-folder.zip",
        zip_bytes([("p/a", "file", "x"), ("p/a/b", "file", "y")]))
    out("unpack", "hostile-duplicate.tar.gz",
        tar_bytes([("p/a", "file", "x"), ("p/a", "file", "y")]))
    out("unpack", "hostile-entry-too-large.tar.gz",
        tar_bytes([("p/zeros", "file", b"\0" * (1 << 20) + b"\0")]))
    out("unpack", "hostile-total-too-large.tar.gz",
        tar_bytes([("p/z%d" % i, "file", b"\0" * (900 << 10)) for i in range(5)]))
    out("unpack", "hostile-many-entries.tar.gz",
        tar_bytes([("p/%d" % i, "file", "") for i in range(300)]))
    out("unpack", "hostile-dot-names.tar.gz",
        tar_bytes([(".", "dir", None), ("./", "dir", None), ("./p//./problem.yaml", "file", "a"),
                   ("p//data/./secret/1.in", "file", "b"), ("", "file", "c")]))
    whole = tar_bytes(pkg)
    out("unpack", "hostile-truncated.tar.gz", whole[: len(whole) // 2])
    out("unpack", "hostile-gzip-not-tar.gz", gzip.compress(b"not a tar archive\n" * 20, mtime=0))
    out("unpack", "hostile-empty.zip", zip_bytes([]))
    out("unpack", "junk.bin", b"PK\x03\x04 this is not really a zip")


# checker: FLAGS 0x1e ANSWER 0x1e OUTPUT (fuzz_checker.c).

def checker_seeds():
    def seed(name, flags, ans, got):
        def b(s):
            return s if isinstance(s, bytes) else s.encode()
        out("checker", name, b(flags) + b"\x1e" + b(ans) + b"\x1e" + b(got))

    seed("default-ws-case", "", "1 2 YES\n", "  1\n2   yes\n\n")
    seed("default-wrong", "", "1 2\n", "1 3\n")
    seed("default-short", "", "1 2\n", "1\n")
    seed("default-long", "", "1 2\n", "1 2 3\n")
    seed("case-sensitive", "case_sensitive", "yes\n", "Yes\n")
    seed("space-change", "space_change_sensitive", "1 2\n", "1  2\n")
    seed("space-change-case", "case_sensitive space_change_sensitive", "a\r\nb\n", "a\nb\n")
    ans = read("problems/rmse/data/sample/01.ans")
    seed("float-rmse-sample", "float_tolerance 1e-6", ans, ans.replace(b"0.866025", b"0.8660254"))
    seed("float-abs", "float_absolute_tolerance 1e-3", "1000\n", "1000.5\n")
    seed("float-rel", "float_relative_tolerance 1e-3", "1000\n", "1000.5\n")
    seed("float-both", "float_absolute_tolerance 1e-9 float_relative_tolerance 1e-6",
         "1e300 -0 0x1p-3\n", "1.0000001e300 0 0.125\n")
    seed("float-special", "float_tolerance 1e-6", "inf -inf nan 1e400 infinity\n",
         "INF -Infinity NaN 1e999 inf\n")
    seed("float-words", "float_tolerance 1e-6", "YES 2\n", "yes 2.0000001\n")
    seed("float-long-token", "float_tolerance 1e-6", "0." + "0" * 200 + "1\n", "0\n")
    seed("long-tokens-message", "", "a" * 300 + "\n", "b" * 300 + "\n")
    seed("nul-bytes", "", b"a\0b\n", b"A\0c\n")
    seed("high-bytes", "", b"\xc3\x89t\xc3\xa9\n", b"\xc3\xa9T\xc3\x89\n")
    seed("bad-flag-missing-number", "float_tolerance", "1\n", "1\n")
    seed("bad-flag-negative", "float_tolerance -1", "1\n", "1\n")
    seed("bad-flag-nan", "float_relative_tolerance nan", "1\n", "1\n")
    seed("bad-flag-unknown", "frobnicate", "1\n", "1\n")
    seed("empty", "", "", "")


def main():
    for kind, make in (("pkg", pkg_seeds), ("unpack", unpack_seeds), ("checker", checker_seeds)):
        shutil.rmtree(os.path.join(CORPUS, kind), ignore_errors=True)
        os.makedirs(os.path.join(CORPUS, kind))
        make()


if __name__ == "__main__":
    main()
