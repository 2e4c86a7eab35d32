# Sourced by tests/hiring/run.sh (its helpers and the main server): issue 21's server side.
# Webhooks an ATS can trust (Standard Webhooks signatures with a per-team secret, the delivery log,
# redelivery, a slow receiver that delays no other team), the audit log (every team action, per
# team, paginated, never editable), accommodations (extra time, re-opening a finished session,
# honoured by the timers) and the CSV export's byte order mark.
#   HIRING_ONLY=trust tests/hiring/run.sh build/cli/judged

# Standard Webhooks verification as a receiver does it: verify_sig SECRET LOGLINE_JSON.
verify_sig() {
  python3 - "$1" "$2" <<'EOF'
import base64, hashlib, hmac, json, sys
secret, line = sys.argv[1], json.loads(sys.argv[2])
h = line["headers"]
key = base64.b64decode(secret[len("whsec_"):])
signed = f'{h["webhook-id"]}.{h["webhook-timestamp"]}.{line["raw"]}'.encode()
want = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
sigs = [s.split(",", 1)[1] for s in h["webhook-signature"].split() if s.startswith("v1,")]
sys.exit(0 if any(hmac.compare_digest(want, s) for s in sigs) else 1)
EOF
}
# hook_lines LOG INVITE EVENT: the receiver's lines about that invite and event, one per line.
hook_lines() { jq -c --argjson i "$2" --arg e "$3" 'select(.body.invite_id == $i and .body.event == $e)' "$WORK/$1.log" 2>/dev/null; }
hook_count() { hook_lines "$@" | grep -c . ; }

# A team of its own: its first webhook is the one these cases look at, however many the main
# teams made before.
TEAM_T=0 KT=none
api POST /api/v1/teams "$ADMIN" '{"name":"Trust hiring"}'
[ "$ST" = 201 ] && TEAM_T=$(jqb .id)
api POST "/api/v1/teams/$TEAM_T/keys" "$ADMIN" '{"name":"ats"}'
[ "$ST" = 201 ] && KT=$(jqb .token)

start_receiver trusthook 0
TRUST_HOOK=http://127.0.0.1:$RPORT/trust
for v in A_TR I_TR1 A_TR2 I_TRB A_HOLD I_HOLD A_FAST I_FAST A_FAIL I_FAIL A_ACC I_X I_Y D_TR KT_ID; do declare "$v=0"; done
for v in SECRET_A SECRET_A2 C_TR1 C_TRB C_HOLD C_FAST C_FAIL C_X C_Y; do declare "$v=none"; done

tcase "webhooks are signed per Standard Webhooks with the team's secret, shown once"
api POST /api/v1/assessments "$KT" "{\"title\":\"Trusted\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$TRUST_HOOK\"}"
want_status 201 && A_TR=$(jqb .id) && SECRET_A=$(jqb .webhook_secret)
[[ $SECRET_A == whsec_* ]] || fail "the first assessment with a webhook does not show the team's secret: $(short)"
api POST /api/v1/assessments "$KT" "{\"title\":\"Trusted 2\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$TRUST_HOOK\"}"
want_status 201 && A_TR2=$(jqb .id)
want_jq 'has("webhook_secret") | not' "the secret is shown only once"
api GET "/api/v1/assessments/$A_TR" "$KT"
grep -qF "${SECRET_A#whsec_}" "$RB" && fail "the assessment shows the secret again"
api POST "/api/v1/assessments/$A_TR/invites" "$KT" '{"name":"Tara Trust","email":"tara@example.com"}'
I_TR1=$(jqb .id) C_TR1=$(jqb .token)
api POST /api/v1/candidate/start "$C_TR1"
api POST /api/v1/candidate/finish "$C_TR1"
want_status 200
tr1_hooked() { [ "$(hook_count trusthook "$I_TR1" candidate.finished)" -ge 1 ]; }
wait_until 60 tr1_hooked || fail "no candidate.finished delivered: $(cat "$WORK/trusthook.log")"
LINE=$(hook_lines trusthook "$I_TR1" candidate.finished | head -n1)
if [ -n "$LINE" ]; then
  verify_sig "$SECRET_A" "$LINE" || fail "the signature does not verify with the team's secret: $LINE"
  jq -e '.headers["webhook-id"] | startswith("msg_")' <<<"$LINE" >/dev/null || fail "no webhook-id: $LINE"
  jq -e '.headers["webhook-timestamp"] | test("^[0-9]+$")' <<<"$LINE" >/dev/null || fail "no webhook-timestamp in seconds: $LINE"
  # The body is the one signed: tampering with it breaks the signature.
  verify_sig "$SECRET_A" "$(jq -c '.raw |= sub("Tara"; "Tora")' <<<"$LINE")" && fail "a changed body still verifies"
fi
tend

tcase "the delivery log lists the team's deliveries (status, attempts, response, time); another team sees none"
api GET /api/v1/webhooks/deliveries "$KT"
want_status 200
D_TR=$(jq -r --argjson i "$I_TR1" '[.deliveries[] | select(.invite_id == $i)][0].id // 0' <"$RB")
want_jq "any(.deliveries[]; .invite_id == $I_TR1 and .status == \"delivered\" and .attempts == 1 and .response_code == 204 and .event == \"candidate.finished\" and (.delivered_at | type) == \"number\" and (.last_attempt_at | type) == \"number\")" \
  "the delivered candidate.finished with its attempt and response"
MSG_ID=$(jq -r --argjson d "$D_TR" '.deliveries[] | select(.id == $d) | .msg_id' <"$RB")
[ "$MSG_ID" = "$(jq -r '.headers["webhook-id"]' <<<"$LINE")" ] || fail "the log's msg_id $MSG_ID is not the webhook-id sent"
api GET /api/v1/webhooks/deliveries "$KB"
want_status 200 && want_jq "all(.deliveries[]; .invite_id != $I_TR1)" "team B does not see team T's deliveries"
api GET "/api/v1/webhooks/deliveries?limit=0" "$KT"
want_field_error limit
tend

tcase "rotating the secret shows a new one once; a redelivery keeps the webhook-id and is signed with the new secret"
api POST /api/v1/webhooks/secret "$KT"
want_status 201 && SECRET_A2=$(jqb .secret)
[[ $SECRET_A2 == whsec_* && $SECRET_A2 != "$SECRET_A" ]] || fail "no new secret: $(short)"
api POST "/api/v1/webhooks/deliveries/$D_TR/redeliver" "$KB"
want_problem 404
api POST "/api/v1/webhooks/deliveries/$D_TR/redeliver" "$KT"
want_status 202 && want_jq ".redelivery_of == $D_TR and .msg_id == \"$MSG_ID\" and .status == \"pending\""
tr1_twice() { [ "$(hook_count trusthook "$I_TR1" candidate.finished)" -ge 2 ]; }
wait_until 60 tr1_twice || fail "the redelivery did not arrive"
LINE2=$(hook_lines trusthook "$I_TR1" candidate.finished | sed -n 2p)
if [ -n "$LINE2" ]; then
  [ "$(jq -r '.headers["webhook-id"]' <<<"$LINE2")" = "$MSG_ID" ] || fail "the redelivery has another webhook-id: $LINE2"
  verify_sig "$SECRET_A2" "$LINE2" || fail "the redelivery is not signed with the new secret"
  verify_sig "$SECRET_A" "$LINE2" && fail "the old secret still signs"
fi
tend

tcase "a failing receiver: the log keeps its status code and the first bytes of its answer, and the delivery retries"
start_receiver failhook 1000
api POST /api/v1/assessments "$KB" "{\"title\":\"Failing\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"http://127.0.0.1:$RPORT/fail\"}"
want_status 201 && A_FAIL=$(jqb .id)
api POST "/api/v1/assessments/$A_FAIL/invites" "$KB" '{"name":"Fay Fail","email":"fay@example.com"}'
I_FAIL=$(jqb .id) C_FAIL=$(jqb .token)
api POST /api/v1/candidate/start "$C_FAIL"
api POST /api/v1/candidate/finish "$C_FAIL"
fail_logged() {
  api GET /api/v1/webhooks/deliveries "$KB"
  jq -e --argjson i "$I_FAIL" 'any(.deliveries[]; .invite_id == $i and .attempts >= 1)' <"$RB" >/dev/null
}
wait_until 60 fail_logged || fail "no failed attempt in the log: $(short)"
want_jq "any(.deliveries[]; .invite_id == $I_FAIL and (.status == \"retrying\" or .status == \"failed\") and .response_code == 500 and (.response_excerpt | startswith(\"receiver failed on purpose\")) and .last_error == \"HTTP 500\" and .delivered_at == null)" \
  "the failed attempt with its code and the receiver's answer"
tend

tcase "a receiver that holds its answer delays no other team's deliveries"
start_receiver holdhook 0
api POST /api/v1/assessments "$KT" "{\"title\":\"Held\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"http://127.0.0.1:$RPORT/hold\"}"
want_status 201 && A_HOLD=$(jqb .id)
start_receiver fasthook 0
api POST /api/v1/assessments "$KB" "{\"title\":\"Fast\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"http://127.0.0.1:$RPORT/fast\"}"
want_status 201 && A_FAST=$(jqb .id)
api POST "/api/v1/assessments/$A_HOLD/invites" "$KT" '{"name":"Hal Held","email":"hal@example.com"}'
I_HOLD=$(jqb .id) C_HOLD=$(jqb .token)
api POST "/api/v1/assessments/$A_FAST/invites" "$KB" '{"name":"Fran Fast","email":"fran@example.com"}'
I_FAST=$(jqb .id) C_FAST=$(jqb .token)
api POST /api/v1/candidate/start "$C_HOLD"
api POST /api/v1/candidate/finish "$C_HOLD"
hold_started() { [ -s "$WORK/holdhook.log.started" ]; }
wait_until 60 hold_started || fail "team T's held delivery never reached its receiver"
api POST /api/v1/candidate/start "$C_FAST"
api POST /api/v1/candidate/finish "$C_FAST"
fast_hooked() { [ "$(hook_count fasthook "$I_FAST" candidate.finished)" -ge 1 ]; }
wait_until 60 fast_hooked || fail "team B's delivery did not arrive while team T's receiver held its answer"
# Team T's delivery is still in its first attempt: B's went out beside it, not after it.
held=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT attempts FROM webhook_deliveries WHERE invite_id = $I_HOLD")
[ "$held" = 0 ] || fail "team T's held delivery had ended ($held attempts) before team B's arrived"
[ -s "$WORK/holdhook.log" ] && fail "the held receiver answered before the release"
touch "$WORK/holdhook.log.release"
hold_done() { [ "$(hook_count holdhook "$I_HOLD" candidate.finished)" -ge 1 ]; }
wait_until 60 hold_done || fail "the held delivery never completed"
tend

tcase "accommodations: extra time before the start is added when the session starts; during it, to its end"
api POST /api/v1/assessments "$KT" '{"title":"Accommodated","problems":[{"slug":"missing-number"}],"duration_minutes":10}'
want_status 201 && A_ACC=$(jqb .id)
api POST "/api/v1/assessments/$A_ACC/invites" "$KT" '{"name":"Xena Extra","email":"xena@example.com"}'
I_X=$(jqb .id) C_X=$(jqb .token)
api POST "/api/v1/assessments/$A_ACC/invites" "$KT" '{"name":"Yuri During","email":"yuri@example.com"}'
I_Y=$(jqb .id) C_Y=$(jqb .token)
api POST "/api/v1/invites/$I_X/extra-time" "$KT" '{"minutes":15}'
want_status 200 && want_jq '.extra_minutes == 15 and .state == "invited"'
api POST "/api/v1/invites/$I_X/extra-time" "$KB" '{"minutes":15}'
want_problem 404
for bad in '{"minutes":0}' '{"minutes":"5"}' '{}' '{"minutes":100000}'; do
  api POST "/api/v1/invites/$I_X/extra-time" "$KT" "$bad"
  want_field_error minutes
done
api POST /api/v1/candidate/start "$C_X"
want_status 200 && want_jq '.ends_at - .started_at == (10 + 15) * 60000' "the session lasts 10 + 15 minutes"
api POST /api/v1/candidate/start "$C_Y"
want_status 200
y_ends=$(jqb .ends_at)
api POST "/api/v1/invites/$I_Y/extra-time" "$KT" '{"minutes":5}'
want_status 200 && want_jq ".ends_at == $y_ends + 5 * 60000 and .extra_minutes == 5"
api GET /api/v1/candidate "$C_Y"
want_jq ".ends_at == $y_ends + 5 * 60000" "the candidate sees the new end"
tend

tcase "accommodations: a finished session re-opens with a new end; the timer ends it then and candidate.finished goes out again"
api PUT "/api/v1/invites/$I_Y/reopen" "$KT" '{"minutes":5}'
want_problem 405
api POST "/api/v1/invites/$I_Y/reopen" "$KT" '{"minutes":5}'
want_problem 409 && want_jq '.detail | test("extra-time")' "a running session is pointed to extra time"
api POST /api/v1/assessments "$KT" "{\"title\":\"Re-opened\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":10,\"webhook_url\":\"$TRUST_HOOK\"}"
A_RE=$(jqb .id)
api POST "/api/v1/assessments/$A_RE/invites" "$KT" '{"name":"Rory Reopen","email":"rory@example.com"}'
I_RO=$(jqb .id) C_RO=$(jqb .token)
api POST /api/v1/candidate/start "$C_RO"
api POST /api/v1/candidate/finish "$C_RO"
want_jq '.state == "finished"'
ro_finished_once() { [ "$(hook_count trusthook "$I_RO" candidate.finished)" -ge 1 ]; }
wait_until 60 ro_finished_once || fail "no first candidate.finished"
api POST /api/v1/submissions "$C_RO" "$(sub missing-number "$AC")"
want_problem 403
api POST "/api/v1/invites/$I_RO/extra-time" "$KT" '{"minutes":5}'
want_problem 409 && want_jq '.detail | test("reopen")' "a finished session is pointed to re-opening"
api POST "/api/v1/invites/$I_RO/reopen" "$KT" '{"minutes":5,"ends_at":1}'
want_field_error ends_at
api POST "/api/v1/invites/$I_RO/reopen" "$KT" '{"ends_at":1000}'
want_field_error ends_at
api POST "/api/v1/invites/$I_RO/reopen" "$KB" '{"minutes":5}'
want_problem 404
# A short new end, so that the case sees the sweep end it.
RO_ENDS=$(($(now_ms) + 4000))
api POST "/api/v1/invites/$I_RO/reopen" "$KT" "{\"ends_at\":$RO_ENDS}"
want_status 200 && want_jq ".state == \"started\" and .ends_at == $RO_ENDS and .finished_at == null"
api POST "/api/v1/submissions?wait=true" "$C_RO" "$(sub missing-number "$AC")"
want_status 200 202
ro_time_up() { [ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT finish_reason = 'time' AND finished_at = $RO_ENDS FROM invites WHERE id = $I_RO")" = 1 ]; }
wait_until 60 ro_time_up || fail "the timer did not end the re-opened session at its new end: $(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT finished_at, finish_reason, ends_at FROM invites WHERE id = $I_RO")"
ro_finished_twice() { [ "$(hook_count trusthook "$I_RO" candidate.finished)" -ge 2 ]; }
wait_until 60 ro_finished_twice || fail "no second candidate.finished after the re-opened session ended"
hook_lines trusthook "$I_RO" candidate.finished | sed -n 2p | jq -e '.body.total == 100 and .body.reason == "time"' >/dev/null ||
  fail "the second candidate.finished does not carry the re-opened session's total: $(hook_lines trusthook "$I_RO" candidate.finished)"
tend

tcase "the audit log records team T's actions with who, when and what; team B sees none of them"
api GET "/api/v1/teams/$TEAM_T/keys" "$ADMIN"
KT_ID=$(jq -r '[.keys[] | select(.revoked_at == null)][0].id // 0' <"$RB")
api GET "/api/v1/assessments/$A_TR/report.csv" "$KT"
api GET "/api/v1/assessments/$A_TR/candidates/$I_TR1" "$KT"
api GET "/api/v1/audit?limit=200" "$KT"
want_status 200
for action in assessment.create invite.create webhook.secret.rotate webhook.redeliver invite.extra_time invite.reopen report.export candidate.code.view; do
  jq -e --arg a "$action" --argjson t "$KT_ID" \
    'any(.entries[]; .action == $a and .actor.role == "team" and .actor.token_id == $t and (.at | type) == "number" and (.path | startswith("/api/v1/")))' \
    <"$RB" >/dev/null || fail "no $action by token $KT_ID in the audit log"
done
want_jq "any(.entries[]; .action == \"invite.extra_time\" and .detail.minutes == 15 and .path == \"/api/v1/invites/$I_X/extra-time\")" "the extra time's minutes"
want_jq "any(.entries[]; .action == \"invite.reopen\" and .detail.ends_at == $RO_ENDS)" "the re-opened session's new end"
want_jq "any(.entries[]; .action == \"assessment.create\" and .target_id == \"$A_TR\")" "the id an action created"
want_jq "any(.entries[]; .action == \"webhook.redeliver\" and .detail.redelivery_of == $D_TR)" "which delivery went again"
want_jq "all(.entries[]; .status < 300)" "refused requests changed nothing and are not actions"
grep -qF "${SECRET_A2#whsec_}" "$RB" && fail "the audit log holds the secret"
api GET "/api/v1/audit?limit=200" "$KB"
want_status 200 && want_jq "all(.entries[]; .team_id == $TEAM_B)" "team B sees its own entries only"
want_jq "any(.entries[]; .action == \"assessment.create\") and all(.entries[]; .path != \"/api/v1/invites/$I_X/extra-time\")"
tend

tcase "the audit log pages newest first and is never editable"
api GET "/api/v1/audit?limit=2" "$KT"
want_status 200 && want_jq '(.entries | length) == 2 and .entries[0].id > .entries[1].id and .next_before == .entries[1].id'
first=$(jqb '.entries[0].id') next=$(jqb .next_before)
api GET "/api/v1/audit?limit=2&before=$next" "$KT"
want_status 200 && want_jq "(.entries | length) >= 1 and all(.entries[]; .id < $next)" "the next page starts below"
jq -e ".entries[0].id != $first" <"$RB" >/dev/null || fail "the second page repeats the first"
api GET "/api/v1/audit?before=abc" "$KT"
want_field_error before
api PUT /api/v1/audit "$KT" '{"entries":[]}'
want_problem 405
api DELETE /api/v1/audit "$KT"
want_problem 405
api DELETE "/api/v1/audit/$first" "$KT"
want_problem 404 405
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE audit_log SET action = 'nothing' WHERE id = $first" 2>/dev/null &&
  fail "the database let an audit entry be changed"
api GET /api/v1/audit "$ADMIN"
want_status 200 && want_jq "any(.entries[]; .team_id == $TEAM_T) and any(.entries[]; .team_id == $TEAM_B)" "the admin sees every team's"
tend

tcase "the CSV export starts with a UTF-8 byte order mark and still neutralises formulas"
api POST "/api/v1/assessments/$A_TR2/invites" "$KT" '{"name":"=cmd|\u0027 /C calc\u0027!A0","email":"@sum@example.com"}'
want_status 201
api POST "/api/v1/assessments/$A_TR2/invites" "$KT" '{"name":"Zoë Ünïcode","email":"zoe@example.com"}'
api GET "/api/v1/assessments/$A_TR2/report.csv" "$KT"
want_status 200
python3 - "$RB" <<'EOF' 2>"$WORK/py.err" || fail "CSV: $(tail -n1 "$WORK/py.err"): $(head -c 400 "$RB")"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw[:3] == b"\xef\xbb\xbf", raw[:8]
assert raw[3:4] == b'"', "one BOM, then the header"
rows = list(csv.reader(raw[3:].decode("utf-8").splitlines()))
assert rows[0][0] == "name", rows[0]
names = {r[0]: r for r in rows[1:]}
assert "'=cmd|' /C calc'!A0" in names, names.keys()
assert names["'=cmd|' /C calc'!A0"][1] == "'@sum@example.com", names
assert "Zoë Ünïcode" in names, names.keys()
assert not any(r[0][:1] in "=+-@" or r[1][:1] in "=+-@" for r in rows[1:])
EOF
tend
