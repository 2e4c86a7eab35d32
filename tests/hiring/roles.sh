#!/usr/bin/env bash
# Issue 21's people and roles: members with passwords (Argon2id) or one-time login links,
# sessions by cookie with a CSRF token, a role per member and per key checked by the route
# table, the last admin kept, sessions ended by removal, failed sign-ins limited, everything in
# the audit log. Sourced by tests/hiring/run.sh; on its own:
#   tests/hiring/roles.sh build/cli/judged
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  HIRING_ONLY=roles exec "$(dirname "$0")/run.sh" "$@"
fi

for v in TEAM_RL M_ALICE M_REC M_REV M_RO M_LINK A_RL I_RL; do declare "$v=0"; done
for v in K_RL K_REVKEY C_RL S_RL; do declare "$v=none"; done
PW_ALICE="alice's long password"
PW_OTHER="another long password"

# sapi METHOD PATH SESSION [JSON] [curl options...]: a request signed in by SESSION (a variable
# prefix: ${SESSION}_COOKIE, ${SESSION}_CSRF), with its CSRF token.
sapi() {
  local method=$1 path=$2 s=$3 data=${4:-}
  local ck=${s}_COOKIE cs=${s}_CSRF
  shift 3
  [ $# -gt 0 ] && shift
  api "$method" "$path" - "$data" -H "Cookie: judged_session=${!ck}" -H "X-CSRF-Token: ${!cs}" "$@"
}
# login SESSION EMAIL PASSWORD: signs in; the cookie and CSRF token into ${SESSION}_COOKIE/_CSRF.
login() {
  api POST /api/v1/auth/login - "$(jq -cn --arg e "$2" --arg p "$3" '{email: $e, password: $p}')"
  declare -g "$1_COOKIE=$(header Set-Cookie | sed -n 's/^judged_session=\([^;]*\).*/\1/p')"
  declare -g "$1_CSRF=$(jqb .csrf_token)"
}
# The store's rows as text: what a stolen database file (or dump) would show. Searched through a
# process substitution: under pipefail, grep -q's early exit would fail the pipe and hide a match.
store_dump() {
  if store_is_pg; then pg_dump --data-only "$(store_url "${DB%/judged.db}")"; else sqlite3 "$DB" .dump; fi
}
rl_done() { api GET "/api/v1/submissions/$S_RL" "$K_RL"; [ "$(jqb .status)" = done ]; }

tcase "roles: the instance admin makes a team and its first admin member; a key made without a role is admin"
api POST /api/v1/teams "$ADMIN" '{"name":"Roles hiring"}'
want_status 201 && TEAM_RL=$(jqb .id)
api POST "/api/v1/teams/$TEAM_RL/keys" "$ADMIN" '{"name":"ci"}'
want_status 201 && K_RL=$(jqb .token) && want_jq '.role == "admin"'
api POST "/api/v1/teams/$TEAM_RL/members" "$ADMIN" "$(jq -cn --arg p "$PW_ALICE" '{email: "Alice@Roles.example", name: "Alice", role: "admin", password: $p}')"
want_status 201 && M_ALICE=$(jqb .id)
want_jq '.email == "alice@roles.example" and .role == "admin" and .has_password == true and .disabled == false'
api GET /api/v1/me "$KA"
want_jq '.role == "team" and .team_role == "admin"' "an older team key acts as an admin"
[ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM tokens WHERE role = 'team' AND team_role <> 'admin' AND NOT EXISTS (SELECT 1 FROM members m WHERE m.token_id = tokens.id)")" = 0 ] ||
  fail "a key made before (without a role) is not admin"
api GET "/api/v1/teams/$TEAM_RL/keys" "$K_RL"
want_jq '[.keys[].name] == ["ci"] and .keys[0].role == "admin"' "the keys list has the key with its role, no member's principal"
tend

tcase "roles: passwords: 422 under 12 characters and past 1024 bytes, naming the rule; an e-mail taken is 409"
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" '{"email":"short@roles.example","name":"S","role":"reviewer","password":"elevenchars"}'
want_field_error password && want_jq '.detail | test("at least 12")' "the detail names the minimum"
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" "$(jq -cn --arg p "$(head -c 1025 /dev/zero | tr '\0' p)" '{email: "long@roles.example", name: "L", role: "reviewer", password: $p}')"
want_field_error password && want_jq '.detail | test("1024 bytes")' "the detail names the maximum"
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" "$(jq -cn --arg p "$(head -c 1024 /dev/zero | tr '\0' p)" '{email: "max@roles.example", name: "Max", role: "read-only", password: $p}')"
want_status 201
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" '{"email":"not-an-email","name":"N","role":"boss"}'
want_field_error email
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" '{"email":"n@roles.example","name":"N","role":"boss"}'
want_field_error role
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" "{\"email\":\"$(head -c 250 /dev/zero | tr '\0' a)@roles.example\",\"name\":\"N\",\"role\":\"reviewer\"}"
want_field_error email
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" '{"email":"ALICE@roles.example","name":"A2","role":"reviewer"}'
want_problem 409
[ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM members WHERE password_hash LIKE '\$argon2id\$%'")" -ge 2 ] ||
  fail "passwords are not stored as Argon2id hashes"
grep -qF "$PW_ALICE" < <(store_dump) && fail "the database holds a password in clear"
tend

tcase "roles: sign-in sets an HttpOnly, SameSite=Strict, Secure cookie; wrong password and unknown e-mail get the same 401"
login ALICE alice@ROLES.example "$PW_ALICE"
want_status 200 && want_jq '.member.email == "alice@roles.example" and .team_role == "admin" and (.csrf_token | length) >= 40'
cookie=$(header Set-Cookie)
for attr in HttpOnly SameSite=Strict Secure Path=/ Max-Age=; do
  [[ "; $cookie;" == *"; $attr"* ]] || fail "the cookie lacks $attr: $cookie"
done
[ -n "$ALICE_COOKIE" ] || fail "no session cookie"
grep -qF "alice@roles.example" < <(store_dump) || fail "the store's dump cannot be read (so the next check could not fail)"
grep -qF "$ALICE_COOKIE" < <(store_dump) && fail "the session token is stored as it is"
api POST /api/v1/auth/login - "$(jq -cn --arg p "$PW_ALICE!" '{email: "alice@roles.example", password: $p}')"
want_problem 401
wrong=$(jqb .detail)
api POST /api/v1/auth/login - "$(jq -cn --arg p "$PW_ALICE" '{email: "nobody@roles.example", password: $p}')"
want_problem 401
[ "$(jqb .detail)" = "$wrong" ] || fail "unknown e-mail and wrong password answer differently: '$wrong' / '$(jqb .detail)'"
api POST /api/v1/auth/login - '{"email":"alice@roles.example"}'
want_field_error password
api GET /api/v1/me - "" -H "Cookie: judged_session=$ALICE_COOKIE"
want_status 200 && want_jq ".member.id == $M_ALICE and .team_role == \"admin\" and .csrf_token == \"$ALICE_CSRF\""
tend

tcase "roles: a write with the cookie needs X-CSRF-Token (missing or wrong: 403); bearer keys need none"
api POST "/api/v1/teams/$TEAM_RL/members" - '{"email":"rec@roles.example","name":"Rec","role":"recruiter"}' -H "Cookie: judged_session=$ALICE_COOKIE"
want_problem 403 && want_jq '.detail | test("X-CSRF-Token")'
api POST "/api/v1/teams/$TEAM_RL/members" - '{"email":"rec@roles.example","name":"Rec","role":"recruiter"}' -H "Cookie: judged_session=$ALICE_COOKIE" -H "X-CSRF-Token: ${ALICE_CSRF}x"
want_problem 403
api POST /api/v1/submissions - "$(sub missing-number "$AC")" -H "Cookie: judged_session=$ALICE_COOKIE"
want_problem 403
sapi POST "/api/v1/teams/$TEAM_RL/members" ALICE "$(jq -cn --arg p "$PW_OTHER" '{email: "rec@roles.example", name: "Rec", role: "recruiter", password: $p}')"
want_status 201 && M_REC=$(jqb .id)
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" "$(jq -cn --arg p "$PW_OTHER" '{email: "rev@roles.example", name: "Rev", role: "reviewer", password: $p}')"
want_status 201 && M_REV=$(jqb .id)
api POST "/api/v1/teams/$TEAM_RL/members" "$K_RL" "$(jq -cn --arg p "$PW_OTHER" '{email: "ro@roles.example", name: "Ro", role: "read-only", password: $p}')"
want_status 201 && M_RO=$(jqb .id)
api GET "/api/v1/teams/$TEAM_RL/members" - "" -H "Cookie: judged_session=$ALICE_COOKIE"
want_status 200 && want_jq '[.members[].role] == ["admin", "read-only", "recruiter", "reviewer", "read-only"]'
tend

tcase "roles: a recruiter makes assessments and keys up to its own role, not members"
login REC rec@roles.example "$PW_OTHER"
want_status 200
sapi POST /api/v1/assessments REC '{"title":"Roles","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_status 201 && A_RL=$(jqb .id)
sapi POST "/api/v1/assessments/$A_RL/invites" REC '{"name":"Rita Roles","email":"rita@example.com"}'
want_status 201 && I_RL=$(jqb .id) && C_RL=$(jqb .token)
sapi GET "/api/v1/teams/$TEAM_RL/members" REC
want_problem 403 && want_jq '.detail | test("needs the admin role") and test("recruiter")' "the detail names the role needed and the caller's"
sapi POST "/api/v1/teams/$TEAM_RL/members" REC '{"email":"x@roles.example","name":"X","role":"reviewer"}'
want_problem 403
sapi POST "/api/v1/teams/$TEAM_RL/keys" REC '{"name":"too much","role":"admin"}'
want_problem 403 && want_jq '.detail | test("admin")'
sapi POST "/api/v1/teams/$TEAM_RL/keys" REC '{"name":"reviewing bot","role":"reviewer"}'
want_status 201 && want_jq '.role == "reviewer"' && K_REVKEY=$(jqb .token)
sapi POST "/api/v1/teams/$TEAM_RL/keys" REC '{"name":"x","role":"owner"}'
want_field_error role
sapi GET /api/v1/audit REC
want_problem 403
tend

api POST /api/v1/candidate/start "$C_RL"
api POST /api/v1/submissions "$C_RL" "$(sub missing-number "$AC")"
S_RL=$(jqb .id)
wait_until 120 rl_done

tcase "roles: a reviewer reads candidates' code and writes reviews, cannot create assessments"
login REV rev@roles.example "$PW_OTHER"
want_status 200
sapi GET "/api/v1/assessments/$A_RL/candidates/$I_RL" REV
want_status 200 && want_jq '[.. | objects | select(has("source"))] | length > 0' "the code"
sapi PUT "/api/v1/assessments/$A_RL/candidates/$I_RL/review" REV '{"rating":4,"note":"tidy"}'
want_status 200 && want_jq '.author == "Rev"' "the review's author is the member"
sapi POST /api/v1/assessments REV '{"title":"No","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_problem 403 && want_jq '.detail | test("needs the recruiter role or above") and test("reviewer")'
sapi POST "/api/v1/assessments/$A_RL/invites" REV '{"name":"N","email":"n@example.com"}'
want_problem 403
api POST /api/v1/assessments "$K_REVKEY" '{"title":"No","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_problem 403 && want_jq '.detail | test("this key has the reviewer role")' "a reviewer key likewise"
api GET "/api/v1/assessments/$A_RL/candidates/$I_RL" "$K_REVKEY"
want_status 200
tend

tcase "roles: read-only reads lists and reports, never a candidate's code"
login RO ro@roles.example "$PW_OTHER"
want_status 200
sapi GET /api/v1/assessments RO
want_status 200 && want_jq "[.assessments[].id] | index($A_RL) != null"
sapi GET "/api/v1/assessments/$A_RL/report" RO
want_status 200
grep -q '"source"' "$RB" && fail "the report shows code to read-only"
sapi GET "/api/v1/assessments/$A_RL/candidates/$I_RL" RO
want_problem 403 && want_jq '.detail | test("needs the reviewer role or above") and test("read-only")'
sapi GET "/api/v1/submissions/$S_RL" RO
want_problem 403
sapi GET "/api/v1/assessments/$A_RL/similarity" RO
want_problem 403
sapi PUT "/api/v1/assessments/$A_RL/candidates/$I_RL/review" RO '{"rating":1}'
want_problem 403
sapi DELETE "/api/v1/invites/$I_RL" RO
want_problem 403
tend

tcase "roles: the last active admin can be neither demoted, disabled nor removed (409)"
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_ALICE" ALICE '{"role":"recruiter"}'
want_problem 409 && want_jq '.detail | test("last active admin")'
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_ALICE" ALICE '{"disabled":true}'
want_problem 409
sapi DELETE "/api/v1/teams/$TEAM_RL/members/$M_ALICE" ALICE
want_problem 409
api GET /api/v1/me - "" -H "Cookie: judged_session=$ALICE_COOKIE"
want_status 200 && want_jq '.team_role == "admin"' "still admin, still signed in"
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_REC" ALICE '{"role":"admin"}'
want_status 200 && want_jq '.role == "admin"'
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_REC" ALICE '{"role":"recruiter"}'
want_status 200 && want_jq '.role == "recruiter"' "with two admins one may go back"
tend

tcase "roles: removing or disabling a member, or setting its password, ends its sessions"
sapi DELETE "/api/v1/teams/$TEAM_RL/members/$M_REV" ALICE
want_status 204
api GET /api/v1/me - "" -H "Cookie: judged_session=$REV_COOKIE"
want_problem 401
login REV rev@roles.example "$PW_OTHER"
want_problem 401
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_RO" ALICE '{"disabled":true}'
want_status 200 && want_jq '.disabled == true'
api GET /api/v1/me - "" -H "Cookie: judged_session=$RO_COOKIE"
want_problem 401
login RO ro@roles.example "$PW_OTHER"
want_problem 401
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_RO" ALICE '{"disabled":false}'
want_status 200
login RO ro@roles.example "$PW_OTHER"
want_status 200
sapi PATCH "/api/v1/teams/$TEAM_RL/members/$M_RO" ALICE "$(jq -cn --arg p "$PW_OTHER!" '{password: $p}')"
want_status 200
api GET /api/v1/me - "" -H "Cookie: judged_session=$RO_COOKIE"
want_problem 401
login RO ro@roles.example "$PW_OTHER!"
want_status 200
tend

tcase "roles: a login link signs in once; used or expired it is 401; a member without a password cannot sign in by one"
sapi POST "/api/v1/teams/$TEAM_RL/members" ALICE '{"email":"link@roles.example","name":"Linda","role":"reviewer","login_link":true}'
want_status 201 && M_LINK=$(jqb .id) && want_jq '.has_password == false and (.login_link.link | startswith("/team/login#jl_"))'
LINK=$(jqb .login_link.token)
api POST /api/v1/auth/login - "$(jq -cn --arg p "$PW_OTHER" '{email: "link@roles.example", password: $p}')"
want_problem 401
api POST /api/v1/auth/link - "{\"token\":\"$LINK\"}"
want_status 200 && want_jq '.member.email == "link@roles.example" and .team_role == "reviewer"'
[[ $(header Set-Cookie) == judged_session=js_*HttpOnly* ]] || fail "no session cookie: $(header Set-Cookie)"
api POST /api/v1/auth/link - "{\"token\":\"$LINK\"}"
want_problem 401
sapi POST "/api/v1/teams/$TEAM_RL/members/$M_LINK/login-link" ALICE
want_status 201
LINK2=$(jqb .token)
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE login_links SET expires_at = $(($(now_ms) - 1)) WHERE member_id = $M_LINK AND used_at IS NULL" ||
  fail "could not expire the link"
api POST /api/v1/auth/link - "{\"token\":\"$LINK2\"}"
want_problem 401
grep -qF "$LINK2" < <(store_dump) && fail "the database holds a link's token"
tend

tcase "roles: a session unused past its idle time has ended"
login LATE rec@roles.example "$PW_OTHER"
want_status 200
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE logins SET seen_at = $(($(now_ms) - 13 * 3600 * 1000)) WHERE member_id = $M_REC" ||
  fail "could not age the session"
api GET /api/v1/me - "" -H "Cookie: judged_session=$LATE_COOKIE"
want_problem 401
api GET /api/v1/problems - "" -H "Cookie: judged_session=$LATE_COOKIE"
want_status 200 # an ended session is nobody: the open pages still answer
tend

tcase "roles: another team's members are 404; another team's key cannot see them"
api GET "/api/v1/teams/$TEAM_RL/members" "$KA"
want_problem 404
api PATCH "/api/v1/teams/$TEAM_RL/members/$M_ALICE" "$KA" '{"role":"reviewer"}'
want_problem 404
api DELETE "/api/v1/teams/$TEAM_A/members/$M_ALICE" "$KA"
want_problem 404
api POST "/api/v1/teams/$TEAM_A/members/$M_ALICE/login-link" "$KA"
want_problem 404
sapi GET "/api/v1/teams/$TEAM_A/members" ALICE
want_problem 404
tend

tcase "roles: members', keys' and sessions' actions are in the audit log with who did them"
sapi GET /api/v1/audit ALICE
want_status 200
want_jq '[.entries[] | select(.action == "member.add" and .actor.who == "alice@roles.example" and .actor.member_id != null)] | length >= 2' "member.add by alice"
want_jq '[.entries[] | select(.action == "session.login" and .actor.who == "rev@roles.example")] | length >= 1' "rev's sign-in"
want_jq '[.entries[] | select(.action == "member.remove" and .actor.who == "alice@roles.example")] | length == 1'
want_jq '[.entries[] | select(.action == "member.change")] | length >= 4'
want_jq '[.entries[] | select(.action == "key.create" and .actor.who == "rec@roles.example" and .detail == null)] | length == 1' "the recruiter's key"
want_jq '[.entries[] | select(.action == "member.add" and .actor.who == "key ci")] | length >= 1' "a key's action names the key"
want_jq '[.entries[] | select(.action == "review.write" and .actor.who == "rev@roles.example")] | length == 1'
api GET /api/v1/audit "$ADMIN"
want_jq "[.entries[] | select(.action == \"member.add\" and .team_id == 0 and .actor.who == \"admin\" and .path == \"/api/v1/teams/$TEAM_RL/members\")] | length == 1" "the first admin, by the instance admin"
tend

tcase "roles: logout ends the session (204, the cookie cleared); a bearer token has none to end (409)"
sapi POST /api/v1/auth/logout ALICE
want_status 204
[[ $(header Set-Cookie) == "judged_session=; "*"Max-Age=0"* ]] || fail "the cookie is not cleared: $(header Set-Cookie)"
api GET /api/v1/me - "" -H "Cookie: judged_session=$ALICE_COOKIE"
want_problem 401
api POST /api/v1/auth/logout "$K_RL"
want_problem 409
tend

tcase "roles: deleting a team deletes its members, their sessions and links"
login REC2 rec@roles.example "$PW_OTHER"
want_status 200
api DELETE "/api/v1/teams/$TEAM_RL" "$ADMIN"
want_status 204
for t in "members WHERE team_id = $TEAM_RL" "logins WHERE member_id IN ($M_ALICE, $M_REC, $M_RO, $M_LINK)" \
  "login_links WHERE member_id IN ($M_ALICE, $M_REC, $M_RO, $M_LINK)"; do
  [ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM $t")" = 0 ] || fail "left: $t"
done
api GET /api/v1/me - "" -H "Cookie: judged_session=$REC2_COOKIE"
want_problem 401
tend

tcase "roles: failed sign-ins are limited per e-mail and per address (429 with Retry-After), the right password too"
MAIN_BASE=$BASE MAIN_DB=$DB
start_judged logins --workers 0
api POST /api/v1/teams "$ADMIN" '{"name":"Locked"}'
LT=$(jqb .id)
api POST "/api/v1/teams/$LT/members" "$ADMIN" "$(jq -cn --arg p "$PW_OTHER" '{email: "lock@roles.example", name: "L", role: "admin", password: $p}')"
codes=""
for k in 1 2 3 4 5 6; do
  api POST /api/v1/auth/login - '{"email":"lock@roles.example","password":"guess guess guess"}'
  codes+="$ST "
done
[ "$codes" = "401 401 401 401 401 429 " ] || fail "per e-mail: $codes"
want_problem 429 && [ -n "$(header Retry-After)" ] || fail "no Retry-After"
api POST /api/v1/auth/login - "$(jq -cn --arg p "$PW_OTHER" '{email: "lock@roles.example", password: $p}')"
want_problem 429
for k in $(seq 1 15); do
  api POST /api/v1/auth/login - "{\"email\":\"guess$k@roles.example\",\"password\":\"guess guess guess\"}"
  [ "$ST" = 401 ] || fail "attempt $k: $ST"
done
api POST /api/v1/auth/login - '{"email":"another@roles.example","password":"guess guess guess"}'
want_problem 429 && want_jq '.detail | test("address")' "the address's limit"
BASE=$MAIN_BASE DB=$MAIN_DB
tend
