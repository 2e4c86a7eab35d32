#!/usr/bin/env python3
"""Every SQL statement of judged, checked by PostgreSQL itself without running judged.

Finds each call of the database API (dbc_run, dbc_query, dbc_scalar) in the server's C files,
preprocessed with the build's own flags (compile_commands.json: macros such as column lists and
DB_SQL() expand as the compiler sees them), takes its SQL when it is a literal (PostgreSQL's
branch of DB_SQL) and its format letters, and asks PostgreSQL to PREPARE it on a database with
judged's schema (schema/postgresql/, applied here), with the parameters typed as db_pg.c types
them (i bigint, d double precision, b bytea, s and n inferred, then text where they cannot be).
PREPARE parses, resolves names and types and plans, without executing: a misspelt column, a
GROUP BY PostgreSQL refuses, a function SQLite has and PostgreSQL has not, a type mismatch all
fail here, each with its file, line and PostgreSQL's message.

usage: tests/pg/sql_check.py BUILD_DIR [POSTGRESQL_URL]   (an empty database, its schema is made
       here; default $JUDGED_TEST_STORE, as tests/lib/pg.sh sets it)
Exit status 1 when a statement fails; statements whose SQL is not a literal are counted apart.
"""
import glob
import json
import os
import re
import shlex
import subprocess
import sys

build = sys.argv[1]
url = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("JUDGED_TEST_STORE", "")
if not url:
    sys.exit("usage: sql_check.py BUILD_DIR [POSTGRESQL_URL]")
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
src_root = os.path.dirname(os.path.abspath(build))  # the tree the build compiles
CALLS = {"dbc_run": 1, "dbc_query": 2, "dbc_scalar": 2}  # index of the SQL argument
TYPES = {"i": "bigint", "d": "double precision", "b": "bytea", "s": "unknown", "n": "unknown"}


def psql(sql, search=None):
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], input=sql,
                       capture_output=True, text=True)
    return r.returncode, r.stderr.strip()


def literal_text(tok):
    """The value of a C string literal token (escapes that SQL uses)."""
    body = tok[1:-1]
    return bytes(body, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def tokens(src, i):
    """Yields (kind, text, pos) from src[i:]: strings, chars, punctuation, words."""
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            yield ("str" if c == '"' else "chr", src[i:j + 1], i)
            i = j + 1
        elif c.isalnum() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield ("word", src[i:j], i)
            i = j
        else:
            yield ("punct", c, i)
            i += 1


def call_args(src, i):
    """The arguments of the call whose '(' is at src[i], as token lists."""
    args, cur, depth = [], [], 0
    for kind, text, pos in tokens(src, i):
        if kind == "punct" and text in "([{":
            depth += 1
            if depth == 1:
                continue
        elif kind == "punct" and text in ")]}":
            depth -= 1
            if depth == 0:
                args.append(cur)
                return args
        elif kind == "punct" and text == "," and depth == 1:
            args.append(cur)
            cur = []
            continue
        cur.append((kind, text))
    return args


def sql_of(arg):
    """The SQL of an argument: adjacent literals joined; DB_SQL's PostgreSQL branch; else None."""
    toks = [t for t in arg if not (t[0] == "punct" and t[1] in "()")]
    if toks and all(k == "str" for k, _ in toks):
        return "".join(literal_text(t) for _, t in toks)
    # (dbc_kind(c) == DB_POSTGRES ? (pg) : (sqlite)) after the preprocessor: the part between ?
    # and the : at the same depth.
    words = [t for _, t in arg]
    if "DB_POSTGRES" in words and "?" in words:
        q = words.index("?")
        depth, part = 0, []
        for kind, text in arg[q + 1:]:
            if kind == "punct" and text == "(":
                depth += 1
            elif kind == "punct" and text == ")":
                depth -= 1
            elif kind == "punct" and text == ":" and depth == 0:
                break
            part.append((kind, text))
        return sql_of(part)
    return None


def placeholders(sql):
    """db_pg.c's translation: ? -> $n (quotes and comments skipped), ?N -> $N."""
    out, i, highest, n = [], 0, 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"":
            j = i + 1
            while j < n:
                if sql[j] == c and j + 1 < n and sql[j + 1] == c:
                    j += 2
                elif sql[j] == c:
                    break
                else:
                    j += 1
            out.append(sql[i:j + 1])
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j])
            i = j
        elif c == "?":
            m = re.match(r"\?(\d+)", sql[i:])
            num = int(m.group(1)) if m else highest + 1
            highest = max(highest, num)
            out.append("$%d" % num)
            i += len(m.group(0)) if m else 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


# The schema, as judged makes it.
for f in sorted(glob.glob(os.path.join(root, "schema/postgresql/*.sql"))):
    rc, err = psql("BEGIN;\n" + open(f).read() + "\nCOMMIT;\n")
    if rc:
        print("sql_check: cannot apply %s: %s" % (os.path.basename(f), err))
        sys.exit(2)

commands = json.load(open(os.path.join(build, "compile_commands.json")))
checked = failed = skipped = sqlite_only = 0
seen = set()
for entry in commands:
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    rel = os.path.relpath(path, src_root)
    if not rel.startswith(("server/", "cli/")) or rel.startswith("server/store/"):
        continue
    if rel in seen:
        continue
    seen.add(rel)
    argv = shlex.split(entry["command"])
    keep, skip = [], False
    for a in argv[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MQ", "-c"):
            skip = a != "-c"
            continue
        if a.startswith(("-I", "-D", "-std", "-pthread")):
            keep.append(a)
    pre = subprocess.run([argv[0], "-E"] + keep + [entry["file"]], cwd=entry["directory"],
                         capture_output=True, text=True)
    if pre.returncode:
        print("sql_check: cannot preprocess %s: %s" % (rel, pre.stderr[:300]))
        failed += 1
        continue
    src = pre.stdout
    # Line numbers: the preprocessor's # markers, kept to name the source line.
    for m in re.finditer(r"\b(dbc_run|dbc_query|dbc_scalar)\s*\(", src):
        start = m.end() - 1
        marker = src.rfind("\n# ", 0, start)
        line = "?"
        if marker >= 0:
            mm = re.match(r"\n# (\d+) \"([^\"]+)\"", src[marker:])
            if mm and mm.group(2).endswith(os.path.basename(rel)):
                line = int(mm.group(1)) + src.count("\n", marker + 1, start) - 1
        args = call_args(src, start)
        idx = CALLS[m.group(1)]
        if len(args) <= idx + 1 and not (len(args) == idx + 1):
            continue  # the declaration, not a call
        if any(k == "word" and t in ("const", "char", "dbc") for k, t in args[0][:1]):
            continue  # a prototype or definition
        sql = sql_of(args[idx]) if len(args) > idx else None
        fmt_arg = args[idx + 1] if len(args) > idx + 1 else []
        fmt = literal_text(fmt_arg[0][1]) if fmt_arg and fmt_arg[0][0] == "str" else None
        if sql is None or fmt is None:
            skipped += 1
            continue
        if sql.lstrip().upper().startswith("PRAGMA"):
            sqlite_only += 1  # SQLite's own settings, run only where dbc_kind() is DB_SQLITE
            continue
        checked += 1
        text = placeholders(sql)
        types = [TYPES.get(f, "unknown") for f in fmt]
        decl = "(" + ", ".join(types) + ")" if types else ""
        rc, err = psql("PREPARE judged_check%s AS %s;\n" % (decl, text))
        if rc and "42P18" in err or (rc and "could not determine data type" in err):
            # db_pg.c sends an untyped string again typed text.
            types = ["text" if t == "unknown" else t for t in types]
            decl = "(" + ", ".join(types) + ")"
            rc, err = psql("PREPARE judged_check%s AS %s;\n" % (decl, text))
        if rc:
            failed += 1
            first = err.splitlines()[0] if err else "?"
            print("FAIL %s:%s: %s\n       %s" % (rel, line, first, " ".join(sql.split())[:300]))

print("sql_check: %d statements prepared on PostgreSQL, %d failed, %d not literal (not checked), "
      "%d SQLite PRAGMAs (not for PostgreSQL)" % (checked, failed, skipped, sqlite_only))
sys.exit(1 if failed else 0)
