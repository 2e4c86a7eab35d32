#!/usr/bin/env python3
"""The verdict table (judge/verdict.c, printed by `judged verdicts --json`) against the places that
list verdicts outside C: the API document's enums (schema/openapi.json), the web's table of names
(web/src/verdicts.js) and its badge styles (web/src/style.css). Any difference fails, naming it.

    tests/unit/verdicts_check.py JUDGED OPENAPI_JSON VERDICTS_JS STYLE_CSS
"""
import json
import re
import subprocess
import sys


def enums_with_verdicts(node, path="$"):
    """Every enum of the document that lists verdicts (one that holds "AC" and "WA")."""
    if isinstance(node, dict):
        e = node.get("enum")
        if isinstance(e, list) and "AC" in e and "WA" in e:
            yield path, e
        for k, v in node.items():
            yield from enums_with_verdicts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from enums_with_verdicts(v, f"{path}[{i}]")


def web_table(text):
    """The keys of `export const VERDICTS = {...}` with their names, in order."""
    body = text[text.index("export const VERDICTS"):]
    body = body[:body.index("\n};")]
    return re.findall(r"^\s*([A-Z]+):\s*\{name:\s*'([^']*)'", body, re.M)


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    judged, openapi, verdicts_js, style_css = sys.argv[1:]
    out = subprocess.run([judged, "verdicts", "--json"], check=True, capture_output=True, text=True)
    table = json.loads(out.stdout)
    codes = [v["code"] for v in table]
    problems = []
    if [v["order"] for v in table] != list(range(len(table))):
        problems.append(f"the table's order is not its row order: {table}")
    if not codes or codes[0] != "AC":
        problems.append(f"AC is not the table's first verdict: {codes}")

    with open(openapi, encoding="utf-8") as f:
        doc = json.load(f)
    found = list(enums_with_verdicts(doc))
    if not found:
        problems.append(f"{openapi}: no enum of verdicts found")
    for path, e in found:
        if e != codes:
            problems.append(f"{openapi} {path}: enum {e} differs from the table {codes}")

    with open(verdicts_js, encoding="utf-8") as f:
        web = web_table(f.read())
    names = [(v["code"], v["name"]) for v in table]
    if web != names:
        problems.append(f"{verdicts_js}: VERDICTS {web} differs from the table {names}")

    with open(style_css, encoding="utf-8") as f:
        css = f.read()
    for c in codes:
        if not re.search(rf"\.v-{c.lower()}\b", css):
            problems.append(f"{style_css}: no badge style .v-{c.lower()} for {c}")

    for p in problems:
        print(f"verdicts: {p}", file=sys.stderr)
    print(f"verdicts: {len(codes)} verdicts, {len(found)} enums of the API document, the web's "
          f"table and styles: {'ok' if not problems else f'{len(problems)} differences'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
