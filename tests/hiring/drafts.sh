# Sourced by tests/hiring/run.sh (its helpers, the main server and team A): work is never lost.
# Drafts saved on the server (restored from any browser, capped, only while the session runs),
# the time-up final submission of a draft changed since its last submission, and the timeline
# of snapshots, submissions and signals the team plays back.

draft() { jq -cn --arg s "$1" '{language: "c", source: $s}'; }

tcase "drafts: a candidate saves per problem, reads it back with the same token anywhere; only while the session runs"
start_receiver hook5 0
HOOK5=http://127.0.0.1:$RPORT/hook5
DR_CLOSES=$(($(now_ms) + 40000))
api POST /api/v1/assessments "$KA" "{\"title\":\"Drafts\",\"problems\":[{\"slug\":\"missing-number\"},{\"slug\":\"acme-missing\"}],\"duration_minutes\":30,\"closes_at\":$DR_CLOSES,\"webhook_url\":\"$HOOK5\"}"
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
# The accepted program for missing-number stays a draft, never submitted.
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
head -c $((256 * 1024 + 1)) /dev/zero | tr '\0' 'x' >"$WORK/big-draft.c"
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "$(jq -cn --rawfile s "$WORK/big-draft.c" '{language: "c", source: $s}')"
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

tcase "acme-missing: the submitted code stays as the draft (no final submission for it)"
api POST "/api/v1/submissions?wait=true" "$C_DORA" "$(sub acme-missing "$WA")"
want_status 200 && want_jq '.status == "done" and .verdict == "WA"'
DORA_WA_FRACTION=$(jqb '.score / .max_score')
api PUT /api/v1/candidate/drafts/acme-missing "$C_DORA" "$(jq -cn --rawfile s "$WA" '{language: "c", source: $s}')"
want_status 200
tend

tcase "time-up: the draft changed since its last submission is judged as a final submission; the report and the webhook count it"
dora_finished() { jq -e -s "any(.[]; .body.event == \"candidate.finished\" and .body.invite_id == $I_DORA)" "$WORK/hook5.log" >/dev/null 2>&1; }
wait_until 90 dora_finished || fail "no candidate.finished for the candidate within 90 s"
jq -e -s "[.[] | select(.body.event == \"candidate.finished\" and .body.invite_id == $I_DORA)] | length == 1 and (.[0].body | .reason == \"time\" and .total == ((100 + 100 * ${DORA_WA_FRACTION:-0}) * 100 | round / 100))" \
  "$WORK/hook5.log" >/dev/null || fail "candidate.finished: $(cat "$WORK/hook5.log")"
api GET "/api/v1/assessments/$A_DR/report" "$KA"
want_jq ".candidates[] | select(.invite_id == $I_DORA) | .problems[\"missing-number\"] | .score == 100 and .best_verdict == \"AC\" and .submissions == 1 and .final_submission == true" \
  "missing-number: the draft was judged AC as the final submission"
want_jq ".candidates[] | select(.invite_id == $I_DORA) | .problems[\"acme-missing\"] | .submissions == 1 and .final_submission == false" \
  "acme-missing: the draft equal to the last submission was not submitted again"
api GET /api/v1/candidate "$C_DORA"
want_jq '.state == "finished" and (.assessment.problems[] | select(.slug == "missing-number") | .final_submission == true)' "the candidate's end screen can tell"
api PUT /api/v1/candidate/drafts/missing-number "$C_DORA" "$(draft 'late')"
want_problem 403
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
wait_until 60 nora_finished || fail "no candidate.finished within 60 s"
api GET "/api/v1/assessments/$A_NOF/report" "$KA"
want_jq ".candidates[0].problems[\"missing-number\"] | .submissions == 0 and .score == 0"
api POST /api/v1/assessments "$KA" '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"submit_drafts_at_end":"yes","webhook_events":["candidate.exploded"]}'
want_field_error submit_drafts_at_end && want_field_error webhook_events
tend

tcase "timeline: snapshots, submissions (the final one marked) and signals; snapshot code on demand; other teams 404"
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/timeline" "$KA"
want_status 200
want_jq '[.snapshots[] | .problem] == ["missing-number", "missing-number", "acme-missing"]' "three snapshots (an unchanged save is none)"
want_jq '(.snapshots | map(.at)) as $t | $t == ($t | sort)' "snapshots in time order"
want_jq '[.submissions[] | [.problem, .final]] == [["acme-missing", false], ["missing-number", true]]' "submissions with the final one marked"
want_jq '[.signals[] | [.kind, (.size // .duration_ms)]] == [["paste", 1234], ["blur", 4500]]' "signals with size and duration"
want_jq '.started_at <= .snapshots[0].at and .ended_at == '"$DR_CLOSES" "the session's start and end bound it"
SNAP=$(jqb '.snapshots[1].id')
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/snapshots/$SNAP" "$KA"
want_status 200 && jq -e --rawfile s "$AC" '.source == $s' <"$RB" >/dev/null || fail "the snapshot's code: $(short)"
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/timeline" "$KB"
want_problem 404
api GET "/api/v1/assessments/$A_DR/candidates/$I_DORA/snapshots/$SNAP" "$KB"
want_problem 404
tend
