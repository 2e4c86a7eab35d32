#!/usr/bin/env bash
# Invite e-mails from two nodes of one PostgreSQL store: both run the mail thread against one
# SMTP server (Debian's python3-aiosmtpd, answering slowly); every candidate of a bulk invite
# gets exactly one invitation and one reminder, never one from each node (each is claimed in the
# store before it is sent).
# usage: tests/pg/mail.sh build/cli/judged     (root; starts its own PostgreSQL unless
#        JUDGED_STORE names one)
set -uo pipefail
NAME=pgmail
source "$(dirname "$0")/nodes.sh"
N=40
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || die "python3-aiosmtpd is not installed"
SMTP_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# A slow relay (0.3 s a message): one node's pass over the outbox lasts while the other's begins.
/usr/bin/python3 -u tests/pg/slow_smtp.py "$SMTP_PORT" 0.3 >"$T/mails" 2>"$T/smtp.log" &
PIDS+=("$!")
smtp_up() { python3 -c "import socket; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" 2>/dev/null; }
until_ok 20 smtp_up || die "the SMTP server did not start"

MAIL_OPTS=(--workers 0 --cgroup none --smtp-url "smtp://127.0.0.1:$SMTP_PORT"
  --mail-from judge@example.com --public-url http://judge.example)
node a "${MAIL_OPTS[@]}"
node b "${MAIL_OPTS[@]}"
nodes_healthy a b

api() { # api METHOD PATH TOKEN [BODY]: the answer's body on stdout
  curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$BASE_a$2"
}
import_sum_groups a
team=$(api POST /api/v1/teams "$TOKEN" '{"name":"Mail on two nodes"}' | jq -r '.id // empty')
[ -n "$team" ] || die "no team"
key=$(api POST "/api/v1/teams/$team/keys" "$TOKEN" '{"name":"ats"}' | jq -r '.token // empty')
[ -n "$key" ] || die "no team key"
as=$(api POST /api/v1/assessments "$key" \
  '{"title":"Mailed twice?","problems":[{"slug":"sum-groups"}],"duration_minutes":30}' | jq -r '.id // empty')
[ -n "$as" ] || die "no assessment"
# Two hours left: each candidate is due an invitation and, once it went, a reminder.
csv=$(for ((i = 0; i < N; i++)); do printf 'Cand %02d,cand%02d@example.com\n' "$i" "$i"; done)
api POST "/api/v1/assessments/$as/invites/bulk" "$key" \
  "$(jq -cn --arg c "$csv" '{csv: $c, expires_in_hours: 2}')" >"$T/bulk.json"
jq -e ".created == $N" "$T/bulk.json" >/dev/null || die "bulk invite: $(head -c 300 "$T/bulk.json")"

psql_n() { psql -Atq "$URL" -c "$1"; }
all_sent() {
  [ "$(psql_n "SELECT count(*) FROM invites WHERE assessment_id = $as AND mailed_at IS NOT NULL AND reminded_at IS NOT NULL")" = "$N" ] &&
    [ "$(psql_n "SELECT count(*) FROM mail_outbox")" = 0 ]
}
until_ok 600 all_sent || die "not every invitation and reminder went: $(psql_n "SELECT count(*) FILTER (WHERE mailed_at IS NOT NULL), count(*) FILTER (WHERE reminded_at IS NOT NULL) FROM invites")"
# Both nodes' mail threads have seen the empty outbox since (each looks every second).
until_ok 30 grep -q . "$T/mails" || die "no mail at all"
counts=$(python3 - "$T/mails" "$N" <<'PY'
import collections, sys
text = open(sys.argv[1], errors="replace").read()
n = collections.Counter()
for m in text.split("---------- MESSAGE FOLLOWS ----------")[1:]:
    head = m.split("\n\n", 1)[0]
    to = next((l[4:].strip() for l in head.splitlines() if l.startswith("To:")), "?")
    subj = next((l for l in head.splitlines() if l.startswith("Subject:")), "")
    n[(to, "Reminder" if "Reminder" in subj else "invitation")] += 1
want = int(sys.argv[2])
twice = sorted(f"{k[0]} {k[1]} x{v}" for k, v in n.items() if v != 1)
print(f"{len(n)} {sum(n.values())} {len(twice)} {'; '.join(twice[:5])}")
PY
)
read -r kinds total twice rest <<<"$counts"
if [ "$kinds" = $((2 * N)) ] && [ "$total" = $((2 * N)) ] && [ "$twice" = 0 ]; then
  echo "ok   pg mail: two nodes, $N candidates: each got one invitation and one reminder ($total messages)"
else
  echo "FAIL pg mail: $kinds (address, kind) pairs, $total messages, $twice sent other than once: $rest"
  exit 1
fi
