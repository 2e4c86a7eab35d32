#!/usr/bin/env bash
# Issue 21's invite e-mails: judged sends the invitation (with the candidate's link, whose token
# it keeps only until sent) over SMTP with libcurl, and one reminder before the window closes to
# candidates who have not started, to a local SMTP server from Debian's python3-aiosmtpd started
# here. Restarts the suite's judged on the same data with --smtp-url, --mail-from and
# --public-url: sourced last by tests/hiring/run.sh; on its own:
#   tests/hiring/mail.sh build/cli/judged
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  HIRING_ONLY=mail exec "$(dirname "$0")/run.sh" "$@"
fi

SMTP_PY=/usr/bin/python3 # Debian's, with python3-aiosmtpd
A_MAIL=0 I_MIA=0 I_SID=0 T_MAIL=0
C_MIA=none

tcase "mail: judged restarts with an SMTP server (python3-aiosmtpd)"
if ! "$SMTP_PY" -c 'import aiosmtpd' 2>/dev/null; then
  fail "python3-aiosmtpd is not installed (apt-get install -y python3-aiosmtpd)"
fi
SMTP_PORT=$("$SMTP_PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
MAILS=$WORK/mails.log
: >"$MAILS"
"$SMTP_PY" -u -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" >>"$MAILS" 2>"$WORK/smtp.err" &
PIDS+=("$!")
smtp_up() { "$SMTP_PY" -c "import socket; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" 2>/dev/null; }
wait_until 20 smtp_up || fail "the SMTP server did not start: $(cat "$WORK/smtp.err")"
J_PID=$MAIN_PID
judged_stop
start_judged main --workers 2 --cgroup "${HIRING_CGROUP:-none}" --smtp-url "smtp://127.0.0.1:$SMTP_PORT" \
  --mail-from judge@example.com --public-url http://judge.example
MAIN_PID=$JPID
MAIN_LOG=$JLOG
judged_wait_healthy 30 || fail "judged did not come back"
tend

# mails_to ADDRESS SUBJECT_WORD: how many messages to ADDRESS have that word in their subject.
mails_to() {
  "$SMTP_PY" - "$MAILS" "$1" "$2" <<'PY'
import sys
text = open(sys.argv[1], errors="replace").read()
msgs = text.split("---------- MESSAGE FOLLOWS ----------")[1:]
n = 0
for m in msgs:
    head = m.split("\n\n", 1)[0]
    if f"To: <{sys.argv[2]}>" in head and any(l.startswith("Subject:") and sys.argv[3] in l for l in head.splitlines()):
        n += 1
print(n)
PY
}
mail_body() { # mail_body ADDRESS SUBJECT_WORD: the first such message
  "$SMTP_PY" - "$MAILS" "$1" "$2" <<'PY'
import sys
text = open(sys.argv[1], errors="replace").read()
for m in text.split("---------- MESSAGE FOLLOWS ----------")[1:]:
    head = m.split("\n\n", 1)[0]
    if f"To: <{sys.argv[2]}>" in head and any(l.startswith("Subject:") and sys.argv[3] in l for l in head.splitlines()):
        print(m.split("------------ END MESSAGE ------------")[0])
        break
PY
}

tcase "mail: an invitation with the candidate's link, then one reminder before the window closes"
api POST /api/v1/assessments "$KA" '{"title":"Mailed","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_status 201 && A_MAIL=$(jqb .id)
# Two hours left: within the 24-hour reminder window.
api POST "/api/v1/assessments/$A_MAIL/invites" "$KA" '{"name":"Mia Mail","email":"mia@example.com","expires_in_hours":2}'
want_status 201 && I_MIA=$(jqb .id) && C_MIA=$(jqb .token)
mia_reminded() { [ "$(mails_to mia@example.com Reminder)" -ge 1 ]; }
wait_until 60 mia_reminded || fail "no reminder for Mia: $(tail -c 600 "$MAILS")"
[ "$(mails_to mia@example.com invitation)" = 1 ] || fail "not one invitation for Mia"
INV=$(mail_body mia@example.com invitation)
grep -qF "http://judge.example/invite#$C_MIA" <<<"$INV" || fail "the invitation has no link with the token: $INV"
grep -q "^From: <judge@example.com>" <<<"$INV" || fail "no From: $INV"
grep -q "^Subject: Your invitation: Mailed" <<<"$INV" || fail "no subject: $INV"
grep -q "Hello Mia Mail" <<<"$INV" || fail "the template was not filled in: $INV"
REM=$(mail_body mia@example.com Reminder)
grep -qF "$C_MIA" <<<"$REM" && fail "the reminder repeats the token"
grep -q "Mailed" <<<"$REM" || fail "the reminder does not name the assessment: $REM"
# The token was kept only until the invitation went.
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM mail_outbox')" = 0 ] || fail "the outbox still holds tokens"
grep -qF "$C_MIA" < <(sqlite3 "$DB" .dump) && fail "the database still holds the token"
tend

tcase "mail: bulk invites are mailed; no reminder far from the deadline, nor after the start; once only"
api POST "/api/v1/assessments/$A_MAIL/invites/bulk" "$KA" "$(jq -cn '{csv: "Bo Bulk,bo@example.com\nCy Bulk,cy@example.com\n", expires_in_hours: 100}')"
want_status 200 && want_jq '.created == 2'
api POST "/api/v1/assessments/$A_MAIL/invites" "$KA" '{"name":"Sid Started","email":"sid@example.com","expires_in_hours":2}'
C_SID=$(jqb .token)
api POST /api/v1/candidate/start "$C_SID"
want_status 200
# A later one with a near deadline: its reminder comes after every check of the earlier ones.
api POST "/api/v1/assessments/$A_MAIL/invites" "$KA" '{"name":"Lu Last","email":"lu@example.com","expires_in_hours":2}'
lu_reminded() { [ "$(mails_to lu@example.com Reminder)" -ge 1 ]; }
wait_until 60 lu_reminded || fail "no reminder for Lu"
[ "$(mails_to bo@example.com invitation)" = 1 ] && [ "$(mails_to cy@example.com invitation)" = 1 ] || fail "the bulk invites were not mailed once each"
[ "$(mails_to bo@example.com Reminder)" = 0 ] || fail "a reminder 100 hours before the deadline"
# Sid's invitation may be mailed, and the reminder (2 hours left) decided, before the start
# request lands: the rule is that no reminder is decided once the candidate has started.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM invites WHERE email = 'sid@example.com' AND started_at IS NOT NULL AND (reminded_at IS NULL OR reminded_at <= started_at)")" = 1 ] ||
  fail "a reminder to a candidate who started: $(sqlite3 "$DB" "SELECT started_at, reminded_at FROM invites WHERE email = 'sid@example.com'")"
[ "$(mails_to sid@example.com Reminder)" -le 1 ] || fail "Sid was reminded more than once"
[ "$(mails_to mia@example.com Reminder)" = 1 ] || fail "Mia was reminded more than once"
tend

tcase "mail: a member's login link is mailed (with --public-url), signs in once, and its token leaves the outbox"
api POST /api/v1/teams "$ADMIN" '{"name":"Mailed members"}'
want_status 201 && T_MAIL=$(jqb .id)
api POST "/api/v1/teams/$T_MAIL/members" "$ADMIN" '{"email":"Max.Member@example.com","name":"Max Member","role":"admin","login_link":true}'
want_status 201 && want_jq '.login_link.mailed == true'
L_MAX=$(jqb .login_link.token)
max_mailed() { [ "$(mails_to max.member@example.com sign-in)" -ge 1 ]; }
wait_until 60 max_mailed || fail "no sign-in mail for Max: $(tail -c 600 "$MAILS")"
LM=$(mail_body max.member@example.com sign-in)
grep -qF "http://judge.example/team/login#$L_MAX" <<<"$LM" || fail "the mail has no link with the token: $LM"
grep -q "^Subject: Your sign-in link: Mailed members" <<<"$LM" || fail "no subject: $LM"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM login_mail')" = 0 ] || fail "the outbox still holds a login link"
grep -qF "$L_MAX" < <(if store_is_pg; then pg_dump --data-only "$(store_url "${DB%/judged.db}")"; else sqlite3 "$DB" .dump; fi) &&
  fail "the database still holds the link's token"
api POST /api/v1/auth/link - "{\"token\":\"$L_MAX\"}"
want_status 200 && want_jq '.member.email == "max.member@example.com"'
api POST /api/v1/auth/link - "{\"token\":\"$L_MAX\"}"
want_problem 401
tend
