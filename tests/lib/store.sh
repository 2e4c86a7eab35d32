# The store the suites run judged on, sourced by tests/{api,hiring,workers,faults}/*.sh.
#
# JUDGED_STORE unset (the default): SQLite, judged's own file in its --data folder.
# JUDGED_STORE=postgresql://.../DB?...: PostgreSQL (tests/pg/run.sh starts one with
# tests/lib/pg.sh). Each --data folder gets a database of its own on that server, named after
# the folder, so that a suite's fresh folder starts from nothing and a restart on the same folder
# finds its data again, exactly as with SQLite.

# store_url DATA: the --store URL for data folder DATA, or nothing on SQLite. Creates the
# database on first use.
store_url() {
  [ -n "${JUDGED_STORE:-}" ] || return 0
  local data name url
  data=$(realpath -m "$1")
  name=j_$(printf '%s' "$data" | md5sum | cut -c1-16)
  # postgresql://user@host/DB?params -> the same with /NAME; the server's own database to ask.
  url=$(printf '%s' "$JUDGED_STORE" | sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$name#")
  if ! psql -Atq "$JUDGED_STORE" -c "SELECT 1 FROM pg_database WHERE datname = '$name'" |
      grep -q 1; then
    psql -q "$JUDGED_STORE" -c "CREATE DATABASE $name" >/dev/null 2>&1 ||
      psql -Atq "$JUDGED_STORE" -c "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 ||
      { echo "store.sh: cannot create database $name" >&2; return 1; }
  fi
  printf '%s' "$url"
}

# store_args DATA: the judged options for DATA's store, one a line (none on SQLite), for
#   mapfile -t args < <(store_args "$data"); "$JUDGED" ... "${args[@]}"
store_args() {
  local url
  url=$(store_url "$1") || return 1
  [ -z "$url" ] || printf -- '--store\n%s\n' "$url"
}

# store_sql DATA SQL: runs SQL on DATA's store; rows out as sqlite3 prints them (fields joined
# by |). The SQL is the tests' own, written for both engines.
store_sql() {
  local data=$1
  shift
  if [ -n "${JUDGED_STORE:-}" ]; then
    psql -Atq -F '|' "$(store_url "$data")" -c "$*"
  else
    sqlite3 -cmd ".timeout 5000" "$data/judged.db" "$*"
  fi
}

# True when the suites run on PostgreSQL: the few SQLite-only cases (judged backup / restore,
# the file's own locks) are skipped there, with a line saying so.
store_is_pg() { [ -n "${JUDGED_STORE:-}" ]; }

# On PostgreSQL, the suites' own `sqlite3 DATA/judged.db SQL` look-ups go to DATA's database
# through psql, so that a suite needs no edit per query: booleans print as 1/0 and fields are
# joined by |, as sqlite3 prints them, CAST(x AS BLOB) is convert_to(x, 'UTF8'), and
# sum(boolean) exists (SQLite sums comparisons) in a
# schema of the tests' own, on psql's search path only (judged's connections never see it, so
# it hides nothing of judged's SQL). Anything else (a backup file) goes to the real sqlite3.
if store_is_pg; then
  sqlite3() {
    local all=("$@") file="" sql=()
    while [ $# -gt 0 ]; do
      case $1 in
        -cmd) shift 2 ;;
        -*) shift ;;
        *) if [ -z "$file" ]; then file=$1; else sql+=("$1"); fi; shift ;;
      esac
    done
    if [[ $file != */judged.db ]]; then
      command sqlite3 "${all[@]}"
      return
    fi
    local url
    url=$(store_url "$(dirname "$file")") || return 1
    psql -Atq "$url" -c "CREATE SCHEMA IF NOT EXISTS judged_tests;
      CREATE OR REPLACE FUNCTION judged_tests.bool_add(bigint, boolean) RETURNS bigint
        LANGUAGE sql IMMUTABLE AS 'SELECT \$1 + CASE WHEN \$2 THEN 1 ELSE 0 END';
      DO \$\$ BEGIN CREATE AGGREGATE judged_tests.sum(boolean) (sfunc = judged_tests.bool_add,
        stype = bigint, initcond = 0); EXCEPTION WHEN duplicate_function THEN NULL; END \$\$;" >/dev/null 2>&1
    # SQLite's CAST(x AS BLOB) (its bytes, for length()) is convert_to(x, 'UTF8') here.
    local q
    q=$(sed -E "s/CAST\(([a-z_]+) AS BLOB\)/convert_to(\1, 'UTF8')/g" <<<"${sql[*]}")
    PGOPTIONS='-c search_path=public,judged_tests' psql -Atq -F '|' "$url" -c "$q" |
      sed -E ':a; s/(^|\|)t(\||$)/\11\2/; s/(^|\|)f(\||$)/\10\2/; ta'
  }
fi
