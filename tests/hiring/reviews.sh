#!/usr/bin/env bash
# Issue 21's reviews: a note and a 1-5 rating per candidate and per submission by each reviewer
# (a team key), in the report (JSON and CSV), edited by their author only, recorded in the audit
# log. Sourced by tests/hiring/run.sh; on its own:
#   tests/hiring/reviews.sh build/cli/judged
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  HIRING_ONLY=reviews exec "$(dirname "$0")/run.sh" "$@"
fi

for v in TEAM_R A_RV I_RV; do declare "$v=0"; done
for v in KR1 KR2 C_RV S_RV; do declare "$v=none"; done
rv_done() { api GET "/api/v1/submissions/$S_RV" "$KR1"; [ "$(jqb .status)" = done ]; }

tcase "reviews: two reviewers rate a candidate and a submission; 422 for bad ones, 404 for others'"
api POST /api/v1/teams "$ADMIN" '{"name":"Review hiring"}'
want_status 201 && TEAM_R=$(jqb .id)
api POST "/api/v1/teams/$TEAM_R/keys" "$ADMIN" '{"name":"alice"}'
want_status 201 && KR1=$(jqb .token)
api POST "/api/v1/teams/$TEAM_R/keys" "$ADMIN" '{"name":"bob"}'
want_status 201 && KR2=$(jqb .token)
api POST /api/v1/assessments "$KR1" '{"title":"Reviewed","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_status 201 && A_RV=$(jqb .id)
api POST "/api/v1/assessments/$A_RV/invites" "$KR1" '{"name":"Rhea Reviewed","email":"rhea@example.com"}'
want_status 201 && I_RV=$(jqb .id) && C_RV=$(jqb .token)
api POST /api/v1/candidate/start "$C_RV"
api POST /api/v1/submissions "$C_RV" "$(sub missing-number "$AC")"
want_status 201 202 && S_RV=$(jqb .id)
wait_until 120 rv_done || fail "submission $S_RV was not judged"
RV=/api/v1/assessments/$A_RV/candidates/$I_RV
api PUT "$RV/review" "$KR1" '{"rating":4,"note":"clean code"}'
want_status 200 && want_jq '.rating == 4 and .note == "clean code" and .author == "alice" and .submission_id == null'
api PUT "$RV/review" "$KR2" '{"rating":2}'
want_status 200 && want_jq '.rating == 2 and .note == "" and .author == "bob"'
api PUT "$RV/submissions/$S_RV/review" "$KR2" '{"rating":5,"note":"=SUM(A1) fast"}'
want_status 200 && want_jq ".submission_id == \"$S_RV\" and .rating == 5"
api PUT "$RV/review" "$KR1" '{"rating":6}'
want_field_error rating
api PUT "$RV/review" "$KR1" '{"rating":"good"}'
want_field_error rating
api PUT "$RV/review" "$KR1" '{"note":7}'
want_field_error note
api PUT "$RV/review" "$KR1" '{}'
want_field_error rating
api PUT "$RV/review" "$KR1" "$(jq -cn --arg n "$(head -c 5000 /dev/zero | tr '\0' x)" '{note: $n}')"
want_field_error note
api PUT "$RV/review" "$KR1" '[1'
want_problem 400
api PUT "$RV/review" "$KA" '{"rating":1}'
want_problem 404
api PUT "$RV/submissions/nope/review" "$KR1" '{"rating":1}'
want_problem 404
api PUT "/api/v1/assessments/$A_RV/candidates/999999/review" "$KR1" '{"rating":1}'
want_problem 404
api PUT "$RV/review" "$C_RV" '{"rating":5}'
want_problem 403
tend

tcase "reviews: the author edits their own; the report (JSON and CSV) lists every review and the mean rating"
api PUT "$RV/review" "$KR1" '{"rating":3,"note":"clean code, slow tests"}'
want_status 200 && want_jq '.rating == 3 and .note == "clean code, slow tests" and .author == "alice"'
api GET "/api/v1/assessments/$A_RV/report" "$KR2"
want_status 200
want_jq "(.candidates[0].reviews | length) == 3" "three reviews in the report"
want_jq '[.candidates[0].reviews[] | select(.submission_id == null) | [.author, .rating, .note]] | sort == [["alice", 3, "clean code, slow tests"], ["bob", 2, ""]]' "each author's own review, alice's edited"
want_jq '.candidates[0].rating == 2.5' "the mean of the candidate ratings"
api GET "/api/v1/assessments/$A_RV/report.csv" "$KR1"
want_status 200
python3 - "$RB" "$S_RV" <<'PY' 2>"$WORK/py.err" || fail "CSV: $(tail -n1 "$WORK/py.err"): $(head -c 400 "$RB")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
row = dict(zip(rows[0], rows[1]))
assert rows[0][-2:] == ["rating", "reviews"], rows[0]
assert row["rating"] == "2.50", row
rv = row["reviews"]
assert "alice (3/5): clean code, slow tests" in rv, rv
assert "bob (2/5): " in rv, rv
assert f"bob (5/5, submission {sys.argv[2]}): =SUM(A1) fast" in rv, rv
PY
api GET /api/v1/audit "$KR1"
want_jq '[.entries[] | select(.action == "review.write")] | length == 4' "each review written in the audit log"
grep -q "slow tests" "$RB" && fail "the audit log keeps the note"
tend
