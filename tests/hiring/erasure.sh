#!/usr/bin/env bash
# Issue 21's erasure and retention: a candidate erased leaves nothing of them in the database or
# the data folder (their invite, session, drafts, snapshots, signals, submissions and test results,
# reviews, webhook deliveries); a team's retention period erases its finished candidates from the
# sweep; the admin deletes a whole team the same way. Sourced by tests/hiring/run.sh; on its own:
#   tests/hiring/erasure.sh build/cli/judged
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  HIRING_ONLY=erasure exec "$(dirname "$0")/run.sh" "$@"
fi

# Everything of one candidate that could be left behind: name, e-mail, a marker in their code.
ER_TAG=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
ER_NAME="Erin Erasable$ER_TAG"
ER_MAIL="erin.$ER_TAG@example.com"
ER_MARK="erasure-marker-$ER_TAG"
for v in TEAM_W A_W I_W TEAM_E A_ER I_ER I_KEEP I_RET I_RET2 TEAM_D A_D I_D; do declare "$v=0"; done
for v in KW C_W KE C_ER C_KEEP C_RET KD C_D S_ER S_D ER_HASH; do declare "$v=none"; done

# er_grep WHAT...: the places in the store and the data folder naming any of WHAT, one a line.
# The dump is what the rows hold; the raw files (after a checkpoint) what the pages still hold.
er_grep() {
  local w data=${DB%/judged.db}
  store_is_pg || sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1
  for w in "$@"; do
    [ -n "$w" ] || { echo "dump: (an empty word to look for: the test's own mistake)"; continue; }
    # grep reads the dump through a process substitution, not a pipe: under pipefail a match
    # found early ends grep, the dump dies of SIGPIPE, and the pipeline would say "not found".
    if store_is_pg; then
      grep -F -i -q -- "$w" < <(pg_dump --data-only "$(store_url "$data")") && echo "dump: $w"
    else
      grep -F -i -q -- "$w" < <(sqlite3 "$DB" .dump) && echo "dump: $w"
    fi
    grep -r -a -l -i -F -- "$w" "$data" 2>/dev/null | sed "s|^|file: $w in |"
  done
}
sub_done() { api GET "/api/v1/submissions/$1" "$2"; [ "$(jqb .status)" = done ]; }
rows_of() { sqlite3 "$DB" "$1" 2>/dev/null; }

start_receiver erasehook 0
ER_HOOK=http://127.0.0.1:$RPORT/erase

tcase "erasure: a candidate with submissions, drafts, snapshots, signals and webhooks is in the store"
api POST /api/v1/teams "$ADMIN" '{"name":"Erasure hiring"}'
want_status 201 && TEAM_E=$(jqb .id)
api POST "/api/v1/teams/$TEAM_E/keys" "$ADMIN" '{"name":"ats"}'
want_status 201 && KE=$(jqb .token)
api POST /api/v1/assessments "$KE" "{\"title\":\"Erase me\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$ER_HOOK\",\"webhook_events\":[\"candidate.finished\",\"submission.judged\"]}"
want_status 201 && A_ER=$(jqb .id)
api POST "/api/v1/assessments/$A_ER/invites" "$KE" "$(jq -cn --arg n "$ER_NAME" --arg e "$ER_MAIL" '{name: $n, email: $e}')"
want_status 201 && I_ER=$(jqb .id) && C_ER=$(jqb .token)
api POST "/api/v1/assessments/$A_ER/invites" "$KE" '{"name":"Kim Kept","email":"kim.kept@example.com"}'
want_status 201 && I_KEEP=$(jqb .id) && C_KEEP=$(jqb .token)
api POST /api/v1/candidate/start "$C_ER"
want_status 200
ER_SRC=$WORK/erase-src.c
{ cat "$AC"; echo "/* $ER_MARK */"; } >"$ER_SRC"
api PUT /api/v1/candidate/drafts/missing-number "$C_ER" "$(jq -cn --arg s "int main(void) { return 0; } /* $ER_MARK draft */" '{language: "c", source: $s}')"
want_status 200 204
api PUT /api/v1/candidate/drafts/missing-number "$C_ER" "$(jq -cn --rawfile s "$ER_SRC" '{language: "c", source: $s}')"
want_status 200 204
api POST /api/v1/candidate/signals "$C_ER" '{"kind":"paste","problem":"missing-number","size":321}'
want_status 200 201 204
api POST /api/v1/candidate/signals "$C_ER" '{"kind":"blur","duration_ms":1500}'
want_status 200 201 204
api POST /api/v1/submissions "$C_ER" "$(sub missing-number "$ER_SRC")"
want_status 201 202 && S_ER=$(jqb .id)
wait_until 120 sub_done "$S_ER" "$C_ER" || fail "submission $S_ER was not judged: $(short)"
api POST /api/v1/candidate/finish "$C_ER"
want_status 200
api PUT "/api/v1/assessments/$A_ER/candidates/$I_ER/review" "$KE" "$(jq -cn --arg n "$ER_MARK review" '{rating: 4, note: $n}')"
want_status 200
api PUT "/api/v1/assessments/$A_ER/candidates/$I_ER/submissions/$S_ER/review" "$KE" '{"rating":5}'
want_status 200
er_hooked() { jq -e -s "any(.[]; .body.event == \"candidate.finished\" and .body.invite_id == $I_ER)" "$WORK/erasehook.log" >/dev/null 2>&1; }
wait_until 60 er_hooked || fail "no candidate.finished delivered for the candidate"
if store_is_pg; then
  ER_HASH=$(rows_of "SELECT upper(encode(token_hash, 'hex')) FROM invites WHERE id = $I_ER")
else
  ER_HASH=$(rows_of "SELECT hex(token_hash) FROM invites WHERE id = $I_ER")
fi
[ -n "$ER_HASH" ] || fail "no token hash for invite $I_ER"
for t in "submissions WHERE invite_id = $I_ER" "submission_tests WHERE submission_seq IN (SELECT seq FROM submissions WHERE invite_id = $I_ER)" \
  "drafts WHERE invite_id = $I_ER" "draft_snapshots WHERE invite_id = $I_ER" "candidate_signals WHERE invite_id = $I_ER" \
  "webhook_deliveries WHERE invite_id = $I_ER" "reviews WHERE invite_id = $I_ER"; do
  [ "$(rows_of "SELECT count(*) FROM $t")" -ge 1 ] || fail "nothing in $t before the erasure"
done
# The check below can fail: before the erasure it finds them.
[ -n "$(er_grep "$ER_NAME" "$ER_MAIL" "$ER_MARK" "$ER_HASH")" ] || fail "the store does not name the candidate before the erasure"
tend

tcase "erasure: another team cannot erase the candidate, nor a wrong assessment; 404 problem"
api DELETE "/api/v1/assessments/$A_ER/candidates/$I_ER" "$KB"
want_problem 404
api DELETE "/api/v1/assessments/$A_ER/candidates/$I_ER" -
want_status 401
api DELETE "/api/v1/assessments/$((A_ER + 100000))/candidates/$I_ER" "$KE"
want_problem 404
api DELETE "/api/v1/assessments/$A_ER/candidates/x" "$KE"
want_problem 404
[ "$(rows_of "SELECT count(*) FROM invites WHERE id = $I_ER")" = 1 ] || fail "a refused erasure erased"
tend

tcase "erasure: DELETE .../candidates/{id} leaves nothing of them in the database or the data folder"
api DELETE "/api/v1/assessments/$A_ER/candidates/$I_ER" "$KE"
want_status 204
LEFT=$(er_grep "$ER_NAME" "$ER_MAIL" "$ER_MARK" "$ER_HASH")
[ -z "$LEFT" ] && [ -n "$ER_HASH" ] || fail "left after the erasure: $LEFT"
for t in "invites WHERE id = $I_ER" "submissions WHERE invite_id = $I_ER OR id = '$S_ER'" "drafts WHERE invite_id = $I_ER" \
  "draft_snapshots WHERE invite_id = $I_ER" "candidate_signals WHERE invite_id = $I_ER" "webhook_deliveries WHERE invite_id = $I_ER" \
  "reviews WHERE invite_id = $I_ER"; do
  [ "$(rows_of "SELECT count(*) FROM $t")" = 0 ] || fail "rows left in $t"
done
[ "$(rows_of "SELECT count(*) FROM submission_tests WHERE submission_seq NOT IN (SELECT seq FROM submissions)")" = 0 ] || fail "test results without a submission"
api GET /api/v1/candidate "$C_ER"
want_problem 401
api GET "/api/v1/assessments/$A_ER/candidates/$I_ER" "$KE"
want_problem 404
api GET "/api/v1/submissions/$S_ER" "$KE"
want_problem 404
api DELETE "/api/v1/assessments/$A_ER/candidates/$I_ER" "$KE"
want_problem 404
# The other candidate of the assessment is untouched.
api GET "/api/v1/assessments/$A_ER/invites" "$KE"
want_jq "[.invites[].id] == [$I_KEEP]" "only the other candidate is left"
# The audit log records the erasure by ids, never the person.
api GET /api/v1/audit "$KE"
want_jq "any(.entries[]; .action == \"candidate.erase\" and .path == \"/api/v1/assessments/$A_ER/candidates/$I_ER\")" "the erasure in the audit log"
grep -q -i -F -e "$ER_NAME" -e "$ER_MAIL" "$RB" && fail "the audit log names the candidate"
tend

tcase "retention: set by the team (422 past its range, 404 for another team's); the sweep erases a finished candidate"
api PUT "/api/v1/teams/$TEAM_E/retention" "$KE" '{"days":-1}'
want_field_error days
api PUT "/api/v1/teams/$TEAM_E/retention" "$KE" '{"days":"soon"}'
want_field_error days
api PUT "/api/v1/teams/$TEAM_E/retention" "$KE" '{}'
want_field_error days
api PUT "/api/v1/teams/$TEAM_E/retention" "$KB" '{"days":1}'
want_problem 404
api GET "/api/v1/teams/$TEAM_E/retention" "$KE"
want_status 200 && want_jq '.days == null' "no retention at first"
api POST "/api/v1/assessments/$A_ER/invites" "$KE" '{"name":"Rita Retained","email":"rita.retained@example.com"}'
want_status 201 && I_RET=$(jqb .id) && C_RET=$(jqb .token)
api POST /api/v1/candidate/start "$C_RET"
api POST /api/v1/candidate/signals "$C_RET" '{"kind":"blur","duration_ms":100}'
api POST /api/v1/candidate/finish "$C_RET"
want_status 200
# A week's retention keeps a candidate of another team who finished now: set first, it is seen by
# the same sweep pass that erases Rita below (one query takes every team's due candidates).
api POST /api/v1/teams "$ADMIN" '{"name":"Retention week"}'
want_status 201 && TEAM_W=$(jqb .id)
api POST "/api/v1/teams/$TEAM_W/keys" "$ADMIN" '{"name":"ats"}'
want_status 201 && KW=$(jqb .token)
api POST /api/v1/assessments "$KW" '{"title":"Week","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_status 201 && A_W=$(jqb .id)
api POST "/api/v1/assessments/$A_W/invites" "$KW" '{"name":"Quinn Week","email":"quinn.week@example.com"}'
want_status 201 && I_W=$(jqb .id) && C_W=$(jqb .token)
api POST /api/v1/candidate/start "$C_W"
api POST /api/v1/candidate/finish "$C_W"
want_status 200
api PUT "/api/v1/teams/$TEAM_W/retention" "$KW" '{"days":7}'
want_status 200 && want_jq ".days == 7 and .team_id == $TEAM_W"
api GET "/api/v1/teams/$TEAM_W/retention" "$ADMIN"
want_jq '.days == 7'
api PUT "/api/v1/teams/$TEAM_E/retention" "$KE" '{"days":0}'
want_status 200
ret_gone() { [ "$(rows_of "SELECT count(*) FROM invites WHERE id = $I_RET")" = 0 ]; }
wait_until 30 ret_gone || fail "the sweep did not erase the finished candidate"
[ "$(rows_of "SELECT count(*) FROM candidate_signals WHERE invite_id = $I_RET")" = 0 ] || fail "signals left"
[ -z "$(er_grep rita.retained@example.com)" ] || fail "the retained candidate's e-mail is left"
[ "$(rows_of "SELECT count(*) FROM invites WHERE id = $I_W")" = 1 ] || fail "a week's retention erased a candidate finished now"
# The invited one (not finished, not expired) stays.
[ "$(rows_of "SELECT count(*) FROM invites WHERE id = $I_KEEP")" = 1 ] || fail "the retention erased a candidate not finished"
api GET /api/v1/audit "$KE"
want_jq "any(.entries[]; .action == \"candidate.erase\" and .method == \"SWEEP\" and .target_id == \"$I_RET\")" "the sweep's erasure in the audit log"
api PUT "/api/v1/teams/$TEAM_E/retention" "$KE" '{"days":null}'
want_status 200 && want_jq '.days == null'
tend

tcase "team deletion: admin only; the team, its keys, assessments, candidates and their work are gone"
api POST /api/v1/teams "$ADMIN" '{"name":"Doomed hiring"}'
want_status 201 && TEAM_D=$(jqb .id)
api POST "/api/v1/teams/$TEAM_D/keys" "$ADMIN" '{"name":"ats"}'
want_status 201 && KD=$(jqb .token)
api POST /api/v1/assessments "$KD" "{\"title\":\"Doomed\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$ER_HOOK\"}"
want_status 201 && A_D=$(jqb .id)
api POST "/api/v1/assessments/$A_D/invites" "$KD" "{\"name\":\"Dora Doomed$ER_TAG\",\"email\":\"dora.$ER_TAG@example.com\"}"
want_status 201 && I_D=$(jqb .id) && C_D=$(jqb .token)
api POST /api/v1/candidate/start "$C_D"
api POST /api/v1/submissions "$C_D" "$(sub missing-number "$ER_SRC")"
want_status 201 202 && S_D=$(jqb .id)
wait_until 120 sub_done "$S_D" "$C_D" || fail "submission $S_D was not judged"
api DELETE "/api/v1/teams/$TEAM_D" "$KD"
want_problem 403
api DELETE "/api/v1/teams/$TEAM_D" "$ADMIN"
want_status 204
api DELETE "/api/v1/teams/$TEAM_D" "$ADMIN"
want_problem 404
api GET /api/v1/me "$KD"
want_problem 401
for t in "teams WHERE id = $TEAM_D" "tokens WHERE team_id = $TEAM_D" "assessments WHERE team_id = $TEAM_D" \
  "invites WHERE id = $I_D" "submissions WHERE id = '$S_D' OR team_id = $TEAM_D" "webhook_deliveries WHERE team_id = $TEAM_D"; do
  [ "$(rows_of "SELECT count(*) FROM $t")" = 0 ] || fail "rows left in $t"
done
LEFT=$(er_grep "Dora Doomed$ER_TAG" "dora.$ER_TAG@example.com" "$ER_MARK")
[ -z "$LEFT" ] || fail "left after the team's deletion: $LEFT"
api GET /api/v1/audit "$ADMIN"
want_jq "any(.entries[]; .action == \"team.delete\" and .path == \"/api/v1/teams/$TEAM_D\")" "the deletion in the audit log"
tend
