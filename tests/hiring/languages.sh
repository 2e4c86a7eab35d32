# Sourced by tests/hiring/run.sh (its helpers and the main server): issue 16's allowed languages
# of an assessment. Set at create, changed with PATCH /api/v1/assessments/{id} until the first
# candidate starts (409 after), unknown languages and fields PATCH does not change refused with
# 422 naming each, another team's assessment absent (404), and a candidate's submission or run in
# a language outside the list refused with 422 saying which are allowed.
#   HIRING_ONLY=languages tests/hiring/run.sh build/cli/judged

PY_AC=$MN/submissions/accepted/sum.py
subl() { jq -cn --arg p "$1" --arg l "$2" --rawfile s "$3" '{problem: $p, language: $l, source: $s}'; }

tcase "languages: set at create, shown by GET"
api POST /api/v1/assessments "$KA" '{"title":"Langs","problems":[{"slug":"missing-number"}],"duration_minutes":30,"languages":["c"]}'
want_status 201 && A_LANG=$(jqb .id)
want_jq '.languages == ["c"]'
tend

tcase "languages: PATCH before any start changes them (200, the assessment as it is now, audited)"
api PATCH "/api/v1/assessments/$A_LANG" "$KA" '{"languages":["c","python"]}'
want_status 200 && want_jq ".id == $A_LANG and .languages == [\"c\",\"python\"] and .title == \"Langs\""
api GET "/api/v1/assessments/$A_LANG" "$KA"
want_jq '.languages == ["c","python"]' "GET after PATCH shows the new list"
n=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM audit_log WHERE action = 'assessment.update' AND path = '/api/v1/assessments/$A_LANG' AND status = 200")
[ "$n" = 1 ] || fail "audit_log rows for the PATCH: $n, want 1"
tend

tcase "languages: PATCH with an unknown language -> 422 naming it; nothing changes"
api PATCH "/api/v1/assessments/$A_LANG" "$KA" '{"languages":["python","cobol"]}'
want_field_error languages/1 && want_jq '.errors[] | select(.pointer == "/languages/1") | .detail | test("cobol")' "the detail names cobol"
api GET "/api/v1/assessments/$A_LANG" "$KA"
want_jq '.languages == ["c","python"]' "unchanged after a refused PATCH"
tend

tcase "languages: PATCH with a language twice, an empty list, or not a list -> 422"
for body in '{"languages":["c","c"]}' '{"languages":[]}' '{"languages":"c"}' '{"languages":[42]}'; do
  api PATCH "/api/v1/assessments/$A_LANG" "$KA" "$body"
  [ "$ST" = 422 ] || fail "$body: status $ST, want 422"
  jq -e 'any(.errors[]; .pointer | startswith("/languages"))' <"$RB" >/dev/null || fail "$body: no /languages error: $(short)"
done
tend

tcase "languages: PATCH of another field, or without languages -> 422 naming the field"
api PATCH "/api/v1/assessments/$A_LANG" "$KA" '{"languages":["c"],"duration_minutes":5}'
want_field_error duration_minutes
api PATCH "/api/v1/assessments/$A_LANG" "$KA" '{}'
want_field_error languages
api GET "/api/v1/assessments/$A_LANG" "$KA"
want_jq '.languages == ["c","python"] and .duration_minutes == 30' "unchanged"
tend

tcase "languages: PATCH of another team's assessment -> 404, of none -> 404, no token -> 401"
api PATCH "/api/v1/assessments/$A_LANG" "$KB" '{"languages":null}'
want_problem 404
api PATCH /api/v1/assessments/999999 "$KA" '{"languages":null}'
want_problem 404
api PATCH "/api/v1/assessments/$A_LANG" - '{"languages":null}'
want_problem 401
api GET "/api/v1/assessments/$A_LANG" "$KA"
want_jq '.languages == ["c","python"]' "unchanged"
tend

tcase "languages: a candidate's submission or run outside the list -> 422 saying which are allowed"
api POST "/api/v1/assessments/$A_LANG/invites" "$KA" '{"name":"Lou Langs","email":"lou@example.com"}'
C_LOU=$(jqb .token)
api POST /api/v1/candidate/start "$C_LOU"
want_status 200
api GET /api/v1/candidate "$C_LOU"
want_jq '.assessment.languages == ["c","python"] or .languages == ["c","python"]' "the session shows the allowed languages"
api POST /api/v1/submissions "$C_LOU" "$(subl missing-number cpp "$MN/submissions/accepted/sum_long_long.cpp")"
want_field_error language && want_jq '.errors[0].detail | test("cpp") and test("c,python")' "the detail names cpp and the allowed list"
api POST /api/v1/run "$C_LOU" "$(subl missing-number cpp "$MN/submissions/accepted/sum_long_long.cpp")"
want_field_error language
api POST '/api/v1/submissions?wait=true' "$C_LOU" "$(subl missing-number python "$PY_AC")"
want_status 200 && want_jq '.verdict == "AC" and .language == "python"' "a Python submission, allowed since the PATCH, is judged"
tend

tcase "languages: PATCH once a candidate started -> 409, the list stays"
api PATCH "/api/v1/assessments/$A_LANG" "$KA" '{"languages":["c"]}'
want_problem 409 && want_jq '.detail | test("1 candidate has started")' "the detail says a candidate started"
api GET "/api/v1/assessments/$A_LANG" "$KA"
want_jq '.languages == ["c","python"]' "unchanged"
api POST /api/v1/submissions "$C_LOU" "$(subl missing-number python "$PY_AC")"
want_status 202
tend

tcase "languages: PATCH to null before a start allows every language"
api POST /api/v1/assessments "$KA" '{"title":"Langs 2","problems":[{"slug":"missing-number"}],"duration_minutes":30,"languages":["c"]}'
A_LANG2=$(jqb .id)
api POST "/api/v1/assessments/$A_LANG2/invites" "$KA" '{"name":"Max Many","email":"max@example.com"}'
C_MAX=$(jqb .token)
api PATCH "/api/v1/assessments/$A_LANG2" "$KA" '{"languages":null}'
want_status 200 && want_jq '.languages == null'
api POST /api/v1/candidate/start "$C_MAX"
want_status 200
api POST /api/v1/submissions "$C_MAX" "$(subl missing-number cpp "$MN/submissions/accepted/sum_long_long.cpp")"
want_status 202
tend
