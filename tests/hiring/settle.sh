# Sourced by tests/hiring/run.sh (its helpers and the main server): issue 15's bugs. Events that
# settle (candidate.finished once every submission is judged, with the final total), revocation
# (no finish event, time used stops, open streams close), deleting an assessment while one of its
# submissions is being judged, and private problems a running assessment uses.
# A server of its own without judging threads holds submissions queued (or leased by hand) for
# as long as a case needs; a remote worker judges them when the case says so.

### Revocation on the main server: no finish event, time used stops ###

tcase "a revoked candidate gets no candidate.finished at the original end, and time_used_s stops at revocation"
start_receiver hook4 0
HOOK4=http://127.0.0.1:$RPORT/hook4
REV_CLOSES=$(($(now_ms) + 20000))
api POST /api/v1/assessments "$KA" "{\"title\":\"Revoked\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"closes_at\":$REV_CLOSES,\"webhook_url\":\"$HOOK4\"}"
want_status 201 && A_REV=$(jqb .id)
api POST "/api/v1/assessments/$A_REV/invites" "$KA" '{"name":"Rae Revoked","email":"rae@example.com"}'
I_RAE=$(jqb .id) C_RAE=$(jqb .token)
api POST "/api/v1/assessments/$A_REV/invites" "$KA" '{"name":"Sam Stays","email":"sam@example.com"}'
I_SAM=$(jqb .id) C_SAM=$(jqb .token)
api POST /api/v1/candidate/start "$C_RAE"
want_status 200
api POST /api/v1/candidate/start "$C_SAM"
want_status 200
api DELETE "/api/v1/invites/$I_RAE" "$KA"
want_status 204
# Sam times out by the same sweep that would have finished Rae: once Sam's event is out, Rae's
# would have been queued in the same transaction.
sam_finished() { jq -e -s "any(.[]; .body.event == \"candidate.finished\" and .body.invite_id == $I_SAM)" "$WORK/hook4.log" >/dev/null; }
wait_until 60 sam_finished || fail "no candidate.finished for the candidate who was not revoked: $(cat "$WORK/hook4.log")"
rae_hooks=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM webhook_deliveries WHERE invite_id = $I_RAE")
[ "$rae_hooks" = 0 ] || fail "$rae_hooks webhook(s) queued for the revoked candidate: $(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT payload FROM webhook_deliveries WHERE invite_id = $I_RAE")"
jq -e -s "all(.[]; .body.invite_id != $I_RAE)" "$WORK/hook4.log" >/dev/null || fail "the revoked candidate's webhook was delivered"
used_want=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT (revoked_at - started_at) / 1000 FROM invites WHERE id = $I_RAE")
api GET "/api/v1/assessments/$A_REV/report" "$KA"
want_jq ".candidates[] | select(.invite_id == $I_RAE) | .state == \"revoked\" and .time_used_s == $used_want" \
  "the revoked candidate's time_used_s is $used_want (revoked_at - started_at)"
tend

tcase "a team cannot delete its private problem while an assessment that has not ended uses it (409)"
api PUT "/api/v1/problems/acme-two?public=false" "$KA" "" \
  -H "Content-Type: application/zip" --data-binary "@$PK/acme-missing.zip"
want_status 200 201
api POST /api/v1/assessments "$KA" '{"title":"Uses acme-two","problems":[{"slug":"acme-two"}],"duration_minutes":30}'
want_status 201 && A_USE=$(jqb .id)
api POST "/api/v1/assessments/$A_USE/invites" "$KA" '{"name":"Una User","email":"una@example.com"}'
C_UNA=$(jqb .token)
api DELETE /api/v1/problems/acme-two "$KA"
want_problem 409 && want_jq '.detail | test("Uses acme-two")' "the detail names the assessment"
api POST /api/v1/candidate/start "$C_UNA"
want_status 200
api DELETE /api/v1/problems/acme-two "$KA"
want_problem 409
api POST /api/v1/submissions "$C_UNA" "$(sub acme-two "$AC")"
want_status 202
api DELETE "/api/v1/assessments/$A_USE" "$KA"
want_status 204
api DELETE /api/v1/problems/acme-two "$KA"
want_status 204
tend

### A server without judging threads: submissions wait until the case judges them ###

MAIN_BASE=$BASE MAIN_DB=$DB
start_judged hold --workers 0 --cgroup "${HIRING_CGROUP:-none}"
start_receiver hook3 0
HOOK3=http://127.0.0.1:$RPORT/hook3
api PUT "/api/v1/problems/missing-number?public=true" $ADMIN "" \
  -H "Content-Type: application/zip" --data-binary "@$PK/acme-missing.zip" # no slow reference submission
[ "$ST" = 201 ] || echo "# the hold server's import: $ST $(short)"
api POST /api/v1/workers/tokens $ADMIN '{"name":"hold-worker"}'
W_HOLD=$(jqb .token)

tcase "deleting an assessment removes the submission being judged: not readable, not listed, not recorded"
api POST /api/v1/assessments $ADMIN '{"title":"Deleted","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
A_DEL=$(jqb .id)
api POST "/api/v1/assessments/$A_DEL/invites" $ADMIN '{"name":"Dee Deleted","email":"dee@example.com"}'
C_DEE=$(jqb .token)
api POST /api/v1/candidate/start "$C_DEE"
api POST /api/v1/submissions "$C_DEE" "$(sub missing-number "$AC")"
want_status 202 && S_DEE=$(jqb .id)
api POST "/api/v1/worker/claim?wait=5" "$W_HOLD"
want_status 200 && LEASE_DEE=$(jqb .job.lease_id)
[ "$(jqb .job.submission)" = "$S_DEE" ] || fail "the worker claimed $(jqb .job.submission), want $S_DEE"
api DELETE "/api/v1/assessments/$A_DEL" $ADMIN
want_status 204
api GET "/api/v1/submissions/$S_DEE" $ADMIN
want_problem 404
api GET "/api/v1/submissions?limit=100" $ADMIN
want_status 200 && want_jq "all(.submissions[]; .id != \"$S_DEE\")" "the list does not hold the deleted assessment's submission"
rows=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM submissions WHERE id = '$S_DEE'")
[ "$rows" = 0 ] || fail "$rows row(s) of the submission are left"
api POST "/api/v1/worker/jobs/$LEASE_DEE/result" "$W_HOLD" '{"verdict": "AC", "score": 100, "max_score": 100, "time_ms": 1, "memory_kb": 1, "compile_output": "", "tests": []}'
[[ $ST == 4* ]] || fail "the worker's result for the deleted submission got $ST"
rows=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM submissions WHERE id = '$S_DEE'")
[ "$rows" = 0 ] || fail "the worker's result brought the submission back"
tend

tcase "revoking an invite closes the event streams the candidate has open"
api POST /api/v1/assessments $ADMIN '{"title":"Streams","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
A_STREAM=$(jqb .id)
api POST "/api/v1/assessments/$A_STREAM/invites" $ADMIN '{"name":"Stu Streams","email":"stu@example.com"}'
I_STU=$(jqb .id) C_STU=$(jqb .token)
api POST /api/v1/candidate/start "$C_STU"
api POST /api/v1/submissions "$C_STU" "$(sub missing-number "$AC")"
want_status 202 && S_STU=$(jqb .id)
curl -sS -N --max-time 120 -D "$WORK/stream.headers" -o "$WORK/stream.body" \
  -H "Authorization: Bearer $C_STU" "$BASE/api/v1/submissions/$S_STU/events" 2>/dev/null &
STREAM_PID=$!
PIDS+=("$STREAM_PID")
stream_open() { grep -q '^HTTP/1.1 200' "$WORK/stream.headers" 2>/dev/null; }
wait_until 10 stream_open || fail "the stream did not open: $(cat "$WORK/stream.headers" 2>/dev/null)"
api DELETE "/api/v1/invites/$I_STU" $ADMIN
want_status 204
stream_closed() { ! kill -0 "$STREAM_PID" 2>/dev/null; }
wait_until 10 stream_closed || fail "the stream is still open 10 s after the revocation"
tend

# claim_for SUBMISSION RESULT: leases jobs by hand until SUBMISSION's and records RESULT for it
# (a job of another case met on the way is recorded as a wrong answer).
claim_for() {
  local i lease sub
  for ((i = 0; i < 20; i++)); do
    api POST "/api/v1/worker/claim?wait=5" "$W_HOLD"
    [ "$ST" = 200 ] || continue
    lease=$(jqb .job.lease_id) sub=$(jqb .job.submission)
    if [ "$sub" = "$1" ]; then
      api POST "/api/v1/worker/jobs/$lease/result" "$W_HOLD" "$2"
      return 0
    fi
    api POST "/api/v1/worker/jobs/$lease/result" "$W_HOLD" "$(result WA 0)"
  done
  return 1
}
result() { # result VERDICT SCORE
  jq -cn --arg v "$1" --argjson s "$2" '{verdict: $v, score: $s, max_score: 100, time_ms: 1, memory_kb: 1, compile_output: "",
    tests: [{name: "sample/01", group: "sample", sample: true, verdict: $v, time_ms: 1, memory_kb: 1}]}'
}

tcase "events: submission.judged per judgement, candidate.finished once, candidate.score_changed when a rejudge moves the total"
start_receiver hook6 0
HOOK6=http://127.0.0.1:$RPORT/hook6
api POST /api/v1/assessments $ADMIN "{\"title\":\"Events\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$HOOK6\",\"webhook_events\":[\"submission.judged\",\"candidate.finished\",\"candidate.score_changed\"]}"
want_status 201 && A_EV=$(jqb .id)
want_jq '(.webhook_events | sort) == ["candidate.finished", "candidate.score_changed", "submission.judged"]'
api POST "/api/v1/assessments/$A_EV/invites" $ADMIN '{"name":"Eva Events","email":"eva@example.com"}'
I_EVA=$(jqb .id) C_EVA=$(jqb .token)
api POST /api/v1/candidate/start "$C_EVA"
api POST /api/v1/submissions "$C_EVA" "$(sub missing-number "$AC")"
want_status 202 && S_EVA=$(jqb .id)
claim_for "$S_EVA" "$(result WA 40)" || fail "the submission was never claimed"
want_status 200
api POST /api/v1/candidate/finish "$C_EVA"
want_status 200
eva() { jq -c -s "[.[] | .body | select(.invite_id == $I_EVA)]" "$WORK/hook6.log" 2>/dev/null; }
eva_finished() { eva | jq -e 'any(.[]; .event == "candidate.finished")' >/dev/null; }
wait_until 30 eva_finished || fail "no candidate.finished: $(eva)"
eva | jq -e --arg s "$S_EVA" '[.[].event] == ["submission.judged", "candidate.finished"] and (.[0] | .submission == $s and .verdict == "WA" and .score == 40 and .problem == "missing-number" and .final == false and .total == 40) and .[1].total == 40' >/dev/null ||
  fail "events before the rejudge: $(eva)"
api POST "/api/v1/submissions/$S_EVA/rejudge" $ADMIN
want_status 202
claim_for "$S_EVA" "$(result AC 100)" || fail "the rejudged submission was never claimed"
eva_changed() { eva | jq -e 'any(.[]; .event == "candidate.score_changed")' >/dev/null; }
wait_until 30 eva_changed || fail "no candidate.score_changed after the rejudge: $(eva)"
eva | jq -e --arg s "$S_EVA" '[.[].event] == ["submission.judged", "candidate.finished", "submission.judged", "candidate.score_changed"] and (.[2] | .verdict == "AC" and .score == 100) and (.[3] | .previous_total == 40 and .total == 100 and .submission == $s)' >/dev/null ||
  fail "events after the rejudge: $(eva)"
tend

tcase "candidate.finished waits for the queued submissions and carries the final total (once)"
api POST /api/v1/assessments $ADMIN "{\"title\":\"Settle\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$HOOK3\"}"
A_SETTLE=$(jqb .id)
api POST "/api/v1/assessments/$A_SETTLE/invites" $ADMIN '{"name":"Lou Lastminute","email":"lou@example.com"}'
I_LOU=$(jqb .id) C_LOU=$(jqb .token)
api POST /api/v1/candidate/start "$C_LOU"
api POST /api/v1/submissions "$C_LOU" "$(sub missing-number "$AC")"
want_status 202 && S_LOU=$(jqb .id)
api POST /api/v1/candidate/finish "$C_LOU"
want_status 200 && want_jq '.state == "finished"'
# Judged only now, after the finish: a remote worker for this server.
"$JUDGED" worker --server "$BASE" --token "$W_HOLD" --slots 1 --cache "$WORK/hold-cache" \
  --cgroup "${HIRING_CGROUP:-none}" 2>>"$WORK/hold-worker.log" &
PIDS+=("$!")
lou_finished() { jq -e -s "any(.[]; .body.event == \"candidate.finished\" and .body.invite_id == $I_LOU)" "$WORK/hook3.log" >/dev/null 2>&1; }
wait_until 60 lou_finished || fail "no candidate.finished within 60 s: $(cat "$WORK/hook3.log" 2>/dev/null)"
api GET "/api/v1/submissions/$S_LOU" $ADMIN
want_jq '.status == "done" and .verdict == "AC"' "the submission is judged"
jq -e -s "[.[] | select(.body.event == \"candidate.finished\" and .body.invite_id == $I_LOU)] | length == 1 and (.[0].body | .total == 100 and .max_total == 100 and .reason == \"finished\")" \
  "$WORK/hook3.log" >/dev/null || fail "candidate.finished: $(cat "$WORK/hook3.log")"
tend

BASE=$MAIN_BASE DB=$MAIN_DB
