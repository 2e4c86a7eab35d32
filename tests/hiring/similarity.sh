# Sourced by tests/hiring/run.sh (its helpers and the main server): issue 15's similarity that
# survives disguise. A copy with every name changed, its for loops rewritten as while loops and a
# junk statement every three lines is flagged against the original a candidate handed in to
# another assessment of the same team, with the reasons and the matching line ranges; an
# independent solution is not; and nothing of another team's assessments is ever compared.
# Teams of their own, so the main file's assessments (same problem, same programs) do not count.

# Sets SIM_LAST_INVITE and SIM_LAST_SUB: sim_candidate KEY ASSESSMENT NAME PROGRAM
sim_candidate() {
  local key=$1 aid=$2 name=$3 prog=$4 tok
  api POST "/api/v1/assessments/$aid/invites" "$key" "$(jq -cn --arg n "$name" '{name: $n, email: "x@example.com"}')"
  SIM_LAST_INVITE=$(jqb .id) tok=$(jqb .token)
  api POST /api/v1/candidate/start "$tok"
  api POST "/api/v1/submissions?wait=true" "$tok" "$(sub missing-number "$prog")"
  [ "$ST" = 200 ] && [ "$(jqb .verdict)" = AC ] || fail "$name: $ST $(jqb .verdict) $(short)"
  SIM_LAST_SUB=$(jqb .id)
}

tcase "similarity: a renamed, for->while, padded copy of another assessment's submission is flagged with reasons and matched regions; other teams are never compared"
api POST /api/v1/teams "$ADMIN" '{"name":"Sim C"}'
SIM_TEAM_C=$(jqb .id)
api POST /api/v1/teams "$ADMIN" '{"name":"Sim D"}'
SIM_TEAM_D=$(jqb .id)
api POST "/api/v1/teams/$SIM_TEAM_C/keys" "$ADMIN" '{"name":"ci"}'
KC=$(jqb .token)
api POST "/api/v1/teams/$SIM_TEAM_D/keys" "$ADMIN" '{"name":"ci"}'
KD=$(jqb .token)
# Team C, spring round: the original. Team C, autumn round: the disguised copy and an independent
# solution. Team D: the original verbatim, and a copy of it (a flagged pair inside team D).
api POST /api/v1/assessments "$KC" '{"title":"Spring round","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
A_SPRING=$(jqb .id)
api POST /api/v1/assessments "$KC" '{"title":"Autumn round","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
A_AUTUMN=$(jqb .id)
api POST /api/v1/assessments "$KD" '{"title":"Team D round","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
A_D=$(jqb .id)
sim_candidate "$KC" "$A_SPRING" "Olga Original" "$PROG/copy_a.c"
I_OLGA=$SIM_LAST_INVITE S_OLGA=$SIM_LAST_SUB
sim_candidate "$KC" "$A_AUTUMN" "Pat Padded" "$PROG/padded.c"
I_PAT=$SIM_LAST_INVITE S_PAT=$SIM_LAST_SUB
sim_candidate "$KC" "$A_AUTUMN" "Ida Independent" "$PROG/different.c"
I_IDA=$SIM_LAST_INVITE
sim_candidate "$KD" "$A_D" "Dora D" "$PROG/copy_a.c"
I_DORA=$SIM_LAST_INVITE S_DORA=$SIM_LAST_SUB
sim_candidate "$KD" "$A_D" "Dan D" "$PROG/copy_b.c"
S_DAN=$SIM_LAST_SUB

api GET "/api/v1/assessments/$A_AUTUMN/similarity" "$KC"
want_status 200
cp "$RB" "$WORK/sim-autumn.json"
want_jq '(.pairs | length) == 1' "one flagged pair: the padded copy against the spring original ($(short))"
want_jq ".pairs[0] | .scope == \"other_assessment\" and .a.invite_id == $I_PAT and .a.submission == \"$S_PAT\" and .b.invite_id == $I_OLGA and .b.submission == \"$S_OLGA\" and .b.assessment_id == $A_SPRING and .b.assessment_title == \"Spring round\"" \
  "the pair is Pat (this assessment) and Olga (the spring round)"
want_jq '.pairs[0].score >= 0.6 and .pairs[0].measures.structure >= 0.8 and (.pairs[0].measures.fingerprints | type) == "number"' "score and both measures"
want_jq '.pairs[0].reasons | length >= 2 and any(.[]; test("same order"))' "the reasons say why"
# The regions: non-empty, ordered, inside both sources, and covering most of the original.
jq -e --rawfile a "$PROG/padded.c" --rawfile b "$PROG/copy_a.c" '
  .pairs[0] as $p
  | ($a | split("\n") | length) as $la | ($b | split("\n") | length) as $lb
  | ($p.a.source == $a) and ($p.b.source == $b)
  and ($p.regions | length) >= 2
  and all($p.regions[]; .a[0] >= 1 and .a[0] <= .a[1] and .a[1] <= $la and .b[0] >= 1 and .b[0] <= .b[1] and .b[1] <= $lb)
  and ([$p.regions[] | .b[1] - .b[0] + 1] | add) >= 20' "$WORK/sim-autumn.json" >/dev/null ||
  fail "regions do not fit the sources: $(jq -c '.pairs[0].regions' "$WORK/sim-autumn.json")"
want_jq "[.pairs[] | select(.a.invite_id == $I_IDA or .b.invite_id == $I_IDA)] | length == 0" "the independent solution is in no flagged pair"
# Team D's submissions are the same program verbatim: never in team C's answer, not even as a near miss.
grep -q "$S_DORA\|$S_DAN\|Dora D\|Team D round" "$WORK/sim-autumn.json" && fail "team C's similarity shows team D's submissions"
want_jq "all(.pairs[], .near_misses[]; .b.invite_id != $I_DORA)"
# The report lists the same pair, without sources or regions.
api GET "/api/v1/assessments/$A_AUTUMN/report" "$KC"
want_jq "(.similarity | length) == 1 and .similarity[0].scope == \"other_assessment\" and .similarity[0].b.assessment_id == $A_SPRING and (.similarity[0].a | has(\"source\") | not) and (.similarity[0] | has(\"regions\") | not)" \
  "the report lists the cross-assessment pair without sources"
# The spring round sees the autumn copy from its side.
api GET "/api/v1/assessments/$A_SPRING/similarity" "$KC"
want_jq "(.pairs | length) == 1 and .pairs[0].a.invite_id == $I_OLGA and .pairs[0].b.invite_id == $I_PAT and .pairs[0].b.assessment_id == $A_AUTUMN"
# Team D: its own pair only, nothing of team C; and team D cannot read team C's similarity.
api GET "/api/v1/assessments/$A_D/similarity" "$KD"
want_status 200
want_jq '(.pairs | length) == 1 and .pairs[0].scope == "this_assessment" and .pairs[0].score >= 0.6' "team D's own pair"
grep -q "$S_OLGA\|$S_PAT\|Olga Original\|Pat Padded\|Spring round\|Autumn round" "$RB" && fail "team D's similarity shows team C's submissions"
api GET "/api/v1/assessments/$A_AUTUMN/similarity" "$KD"
want_problem 404
tend
