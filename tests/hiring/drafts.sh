# Sourced by tests/hiring/run.sh (its helpers, the main server and team A): work is never lost.
# Drafts saved on the server (restored from any browser, capped, only while the session runs),
# the time-up final submission of a draft changed since its last submission, and the timeline
# of snapshots, submissions and signals the team plays back.

draft() { jq -cn --arg s "$1" '{language: "c", source: $s}'; }

tcase "drafts: a candidate saves per problem, reads it back with the same token anywhere; only while the session runs"
start_receiver hook5 0
HOOK5=http://127.0.0.1:$RPORT/hook5
api POST /api/v1/assessments "$KA" '{"title":"Drafts","problems":[{"slug":"missing-number"},{"slug":"acme-missing"}],"duration_minutes":30}'
want_status 201 && A_DR=$(jqb .id)
want_jq '.submit_drafts_at_end == true' "submit_drafts_at_end is on by default"
api POST "/api/v1/assessments/$A_DR/invites" "$KA" '{"name":"Dora Drafts","email":"dora@example.com"}'
I_DORA=$(jqb .id) C_DORA=$(jqb .token)
api POST "/api/v1/assessments/$A_DR/invites" "$KA" '{"name":"Other Drafts","email":"other@example.com"}'
C_ODD=$(jqb .token)
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "$(draft 'int main(void) { return 0; }')"
want_problem 403
api POST /api/v1/candidate/start "$C_DORA"
want_status 200
api POST /api/v1/candidate/start "$C_ODD"
api GET /api/v1/candidate/drafts/missing-number "$C_DORA"
want_problem 404
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "$(draft 'int main(void) { return 1; }')"
want_status 200 && want_jq '.changed == true and (.updated_at | type) == "number"'
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "$(jq -cn --rawfile s "$AC" '{language: "c", source: $s}')"
want_status 200
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "$(jq -cn --rawfile s "$AC" '{language: "c", source: $s}')"
want_status 200 && want_jq '.changed == false' "saving the same code again changes nothing"
api GET /api/v1/candidate/drafts/missing-number "$C_DORA"
want_status 200 && jq -e --rawfile s "$AC" '.source == $s and .language == "c" and .problem == "missing-number"' <"$RB" >/dev/null ||
  fail "the draft read back is not the code saved: $(short)"
api GET /api/v1/candidate/drafts/missing-number "$C_ODD"
want_problem 404
api PUT /api/v1/candidate/drafts/no-such-problem "$C_DORA" "$(draft x)"
want_field_error problem
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" '{"language":"c"}'
want_field_error source
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" '{"language":"cobol","source":"x"}'
want_field_error language
# Past 256 KiB: 413 (the body from a file: one argument of that size is more than execve takes).
head -c $((256 * 1024 + 1)) /dev/zero | tr '\0' 'x' >"$WORK/big-draft.c"
jq -cn --rawfile s "$WORK/big-draft.c" '{language: "c", source: $s}' >"$WORK/big-draft.json"
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "" -H "Content-Type: application/json" --data-binary "@$WORK/big-draft.json"
want_problem 413
api GET /api/v1/candidate/drafts/missing-number "$KA"
want_status 401 403
tend

tcase "signals: pastes and focus losses are recorded for the running session; bad ones 422"
api POST /api/v1/candidate/signals "$C_DORA" '{"kind":"paste","problem":"missing-number","size":1234}'
want_status 204
api POST /api/v1/candidate/signals "$C_DORA" '{"kind":"blur","duration_ms":4500}'
want_status 204
api POST /api/v1/candidate/signals "$C_DORA" '{"kind":"copy"}'
want_field_error kind
api POST /api/v1/candidate/signals "$C_DORA" '{"kind":"paste","size":-1}'
want_field_error size
tend

tcase "timeline: snapshots (an unchanged save is none) and signals in time order; snapshot code on demand; other teams 404"
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/timeline" "$KA"
want_status 200
want_jq '[.snapshots[] | .problem] == ["missing-number", "missing-number"]' "two snapshots"
want_jq '(.snapshots | map(.at)) as $t | $t == ($t | sort) and .started_at <= $t[0]' "snapshots in time order, after the start"
want_jq '[.signals[] | [.kind, (.size // .duration_ms)]] == [["paste", 1234], ["blur", 4500]]' "signals with size and duration"
SNAP=$(jqb '.snapshots[1].id')
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/snapshots/$SNAP" "$KA"
want_status 200 && jq -e --rawfile s "$AC" '.source == $s' <"$RB" >/dev/null || fail "the snapshot's code: $(short)"
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/timeline" "$KB"
want_problem 404
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/snapshots/$SNAP" "$KB"
want_problem 404
tend

tcase "time-up: the draft changed since its last submission is judged as a final submission; the report, the session, the timeline and the webhook count it"
# Few requests before the end, so that a slow machine still makes them in time.
TU_CLOSES=$(($(now_ms) + 20000))
api POST /api/v1/assessments "$KA" "{\"title\":\"Time-up\",\"problems\":[{\"slug\":\"missing-number\"},{\"slug\":\"acme-missing\"}],\"duration_minutes\":30,\"closes_at\":$TU_CLOSES,\"webhook_url\":\"$HOOK5\"}"
want_status 201 && A_TU=$(jqb .id)
api POST "/api/v1/assessments/$A_TU/invites" "$KA" '{"name":"Tess Timeup","email":"tess@example.com"}'
I_TESS=$(jqb .id) C_TESS=$(jqb .token)
api POST /api/v1/candidate/start "$C_TESS"
want_status 200
# missing-number: the accepted program stays a draft, never submitted.
api PUT /api/v1/candidate/drafts/missing-number "$C_TESS" "$(jq -cn --rawfile s "$AC" '{language: "c", source: $s}')"
want_status 200
# acme-missing: submitted, then the same code saved: nothing new to judge at the end.
api POST /api/v1/submissions "$C_TESS" "$(sub acme-missing "$WA")"
want_status 202
api PUT /api/v1/candidate/drafts/acme-missing "$C_TESS" "$(jq -cn --rawfile s "$WA" '{language: "c", source: $s}')"
want_status 200
tess_finished() { jq -e -s "any(.[]; .body.event == \"candidate.finished\" and .body.invite_id == $I_TESS)" "$WORK/hook5.log" >/dev/null 2>&1; }
wait_until 120 tess_finished || fail "no candidate.finished for the candidate within 120 s"
api GET "/api/v1/assessments/$A_TU/report" "$KA"
want_jq ".candidates[0].problems[\"missing-number\"] | .score == 100 and .best_verdict == \"AC\" and .submissions == 1 and .final_submission == true" \
  "missing-number: the draft was judged AC as the final submission"
want_jq ".candidates[0].problems[\"acme-missing\"] | .submissions == 1 and .final_submission == false" \
  "acme-missing: the draft equal to the last submission was not submitted again"
TESS_TOTAL=$(jqb '.candidates[0].total')
jq -e -s "[.[] | select(.body.event == \"candidate.finished\" and .body.invite_id == $I_TESS)] | length == 1 and (.[0].body | .reason == \"time\" and .total == $TESS_TOTAL and .total >= 100)" \
  "$WORK/hook5.log" >/dev/null || fail "candidate.finished (want the total $TESS_TOTAL with the final submission): $(cat "$WORK/hook5.log")"
api GET /api/v1/candidate "$C_TESS"
want_jq '.state == "finished" and (.assessment.problems[] | select(.slug == "missing-number") | .final_submission == true)' "the candidate's end screen can tell"
api PUT /api/v1/candidate/drafts/missing-number "$C_TESS" "$(draft 'late')"
want_problem 403
api GET "/api/v1/assessments/$A_TU/candidates/$I_TESS/timeline" "$KA"
want_jq '[.submissions[] | [.problem, .final]] == [["acme-missing", false], ["missing-number", true]]' "submissions with the final one marked"
want_jq ".ended_at == $TU_CLOSES" "the session's end bounds it"
tend

tcase "submit_drafts_at_end false: a draft left at time-up is not judged"
api POST /api/v1/assessments "$KA" "{\"title\":\"No finals\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"closes_at\":$(($(now_ms) + 15000)),\"submit_drafts_at_end\":false,\"webhook_url\":\"$HOOK5\"}"
want_status 201 && A_NOF=$(jqb .id)
want_jq '.submit_drafts_at_end == false'
api POST "/api/v1/assessments/$A_NOF/invites" "$KA" '{"name":"Nora Nofinal","email":"nora@example.com"}'
I_NORA=$(jqb .id) C_NORA=$(jqb .token)
api POST /api/v1/candidate/start "$C_NORA"
api PUT /api/v1/candidate/drafts/missing-number "$C_NORA" "$(jq -cn --rawfile s "$AC" '{language: "c", source: $s}')"
want_status 200
nora_finished() { jq -e -s "any(.[]; .body.event == \"candidate.finished\" and .body.invite_id == $I_NORA)" "$WORK/hook5.log" >/dev/null 2>&1; }
wait_until 120 nora_finished || fail "no candidate.finished within 120 s"
api GET "/api/v1/assessments/$A_NOF/report" "$KA"
want_jq ".candidates[0].problems[\"missing-number\"] | .submissions == 0 and .score == 0"
api POST /api/v1/assessments "$KA" '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"submit_drafts_at_end":"yes","webhook_events":["candidate.exploded"]}'
want_field_error submit_drafts_at_end && want_field_error webhook_events
tend
