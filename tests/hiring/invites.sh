#!/usr/bin/env bash
# Issue 21's bulk invites: a CSV upload (name,email[,extra_minutes]) gives a result per row, with
# duplicate e-mail addresses flagged (in the file and against the assessment's invites) and not
# created, bad rows explained, and a cap on rows (413 past it). Sourced by tests/hiring/run.sh;
# on its own:
#   tests/hiring/invites.sh build/cli/judged
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  HIRING_ONLY=invites exec "$(dirname "$0")/run.sh" "$@"
fi

A_BULK=0 I_BULK0=0
bulk() { jq -cn --arg c "$1" '{csv: $c}'; }

tcase "bulk invites: a row each; duplicates in the file and of invites flagged; bad rows explained"
api POST /api/v1/assessments "$KA" '{"title":"Bulk","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_status 201 && A_BULK=$(jqb .id)
api POST "/api/v1/assessments/$A_BULK/invites" "$KA" '{"name":"Early Bird","email":"early@example.com"}'
want_status 201 && I_BULK0=$(jqb .id)
CSV=$'\xEF\xBB\xBFname,email,extra_minutes\r\nAnn One,ann@example.com,\r\n"Doe, Jay",jay@example.com,30\r\nAnn Again,ANN@example.com\r\nEarly Again, Early@Example.com \r\nNo Mail,not-an-address\r\n,nobody@example.com\r\nToo Long,tl@example.com,99999\r\n\r\n'
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" "$(bulk "$CSV")"
want_status 200
want_jq '.created == 2 and .duplicates == 2 and .invalid == 3' "2 created, 2 duplicates, 3 invalid"
want_jq '[.rows[] | .status] == ["created","created","duplicate_in_file","duplicate_existing","invalid","invalid","invalid"]' "the statuses in file order"
want_jq '.rows[0].line == 2 and (.rows[0].token | startswith("ji_")) and .rows[0].extra_minutes == 0' "a created row with its token"
want_jq '.rows[1].name == "Doe, Jay" and .rows[1].extra_minutes == 30' "a quoted name, extra minutes"
want_jq '.rows[2].duplicate_of_line == 2' "the duplicate names the first row"
want_jq ".rows[3].duplicate_of_invite == $I_BULK0 and .rows[3].email == \"Early@Example.com\"" "the duplicate names the invite"
want_jq '[.rows[4,5,6] | .detail | length > 0] == [true,true,true]' "each invalid row says why"
api GET "/api/v1/assessments/$A_BULK/invites" "$KA"
want_jq '[.invites[].email] | sort == ["ann@example.com","early@example.com","jay@example.com"]' "only the good rows were created"
want_jq '[.invites[] | select(.email == "jay@example.com") | .extra_minutes // (.extra_s / 60)] | length == 1'
[ "$(sqlite3 "$DB" "SELECT extra_s FROM invites WHERE email = 'jay@example.com' AND assessment_id = $A_BULK")" = 1800 ] || fail "the extra minutes were not kept"
# Again: every address is taken now.
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" "$(bulk $'Ann,ann@example.com\nJay,jay@example.com')"
want_status 200 && want_jq '.created == 0 and .duplicates == 2'
api GET /api/v1/audit "$KA"
want_jq 'any(.entries[]; .action == "invite.bulk_create" and .detail.created == 2)' "the upload in the audit log, by counts"
grep -q "ann@example.com" "$RB" && fail "the audit log names a candidate"
tend

tcase "bulk invites: caps and bad files: 413 past the row cap, 422 for no rows or a broken file, 404 for others"
python3 -c 'import sys; sys.stdout.write("".join(f"c{i},c{i}@example.com\n" for i in range(1001)))' >"$WORK/bulk-big.csv"
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" "$(jq -cn --rawfile c "$WORK/bulk-big.csv" '{csv: $c}')"
want_problem 413
[ "$(sqlite3 "$DB" "SELECT count(*) FROM invites WHERE assessment_id = $A_BULK")" = 3 ] || fail "a refused upload created invites"
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" "$(bulk $'name,email\n')"
want_field_error csv
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" "$(bulk $'"Ann,ann@example.com\n')"
want_field_error csv
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" "$(bulk $'a,b@example.com,1,extra\n')"
want_field_error csv
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KA" '{"file":"x"}'
want_field_error csv
api POST "/api/v1/assessments/$A_BULK/invites/bulk" "$KB" "$(bulk $'Ann,ann2@example.com')"
want_problem 404
tend
