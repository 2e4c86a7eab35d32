# shellcheck shell=bash disable=SC2034 # (J_PORT, J_RC and the like are read by the suites)
# The judged of a test suite, started and stopped one way for every suite (sourced):
#
#   JUDGED   the binary (set by the suite)
#   J_WORK   the suite's scratch folder: logs and port files go there (set by the suite)
#   J_ENV    optional array of VAR=value given to judged's environment (JUDGE_ADMIN_TOKEN, ...)
#
#   judged_start NAME DATA [judged options...]
#       starts `judged --listen 127.0.0.1:0 --data DATA --port-file ...` (with --store when
#       JUDGED_STORE names PostgreSQL, tests/lib/store.sh) in the background: an
#       ephemeral loopback port, chosen by judged and written to its port file. Its output is
#       appended to $J_WORK/NAME.log. Sets J_PID, J_PORT, J_BASE and J_LOG. Returns 1, with the
#       end of the log on stderr, when no port came (judged exited, or 15 s passed).
#   judged_wait_healthy [SECONDS]
#       polls GET /healthz until it answers 200 (60 s by default); 1 when judged exited first or
#       the time ran out.
#   judged_stop [SIGNAL]
#       sends SIGNAL (TERM) and waits for the exit, at most 15 s, then KILL. J_RC is the exit
#       status, or "timeout". Its scratch folder /tmp/judged-PID is removed.
#   judged_cleanup
#       for the suite's EXIT trap: every judged started here that still runs gets TERM (it
#       removes its cgroups and scratch files), 5 s, then KILL; scratch folders are removed.
#
# Only processes started here are ever signalled, by their pid.

: "${JUDGED:?JUDGED must name the judged binary}"
: "${J_WORK:?J_WORK must name the scratch folder of the suite}"

J_ALL_PIDS=()

# The store: SQLite in DATA by default; JUDGED_STORE=postgresql://... gives each DATA folder a
# PostgreSQL database of its own (tests/lib/store.sh, tests/pg/run.sh).
# shellcheck source=tests/lib/store.sh
source "$(dirname "${BASH_SOURCE[0]}")/store.sh"

# Is process PID still running (and not a zombie of ours)?
judged_alive() { kill -0 "$1" 2>/dev/null; }

judged_start() {
  local name=$1 data=$2 i
  shift 2
  J_LOG="$J_WORK/$name.log"
  local pf="$J_WORK/$name.port"
  rm -f "$pf"
  local store=()
  mapfile -t store < <(store_args "$data")
  env ${J_ENV[@]+"${J_ENV[@]}"} "$JUDGED" --listen 127.0.0.1:0 --data "$data" --port-file "$pf" \
    ${store[@]+"${store[@]}"} "$@" >>"$J_LOG" 2>&1 &
  J_PID=$!
  J_ALL_PIDS+=("$J_PID")
  for ((i = 0; i < 300; i++)); do
    [ -s "$pf" ] && break
    judged_alive "$J_PID" || break
    sleep 0.05
  done
  if [ ! -s "$pf" ]; then
    echo "    judged ($name) did not start; its log:" >&2
    tail -n 20 "$J_LOG" | sed 's/^/      /' >&2
    return 1
  fi
  J_PORT=$(tr -d '\n' <"$pf")
  J_BASE="http://127.0.0.1:$J_PORT"
  return 0
}

judged_wait_healthy() {
  local limit=${1:-60} i code
  for ((i = 0; i < limit * 10; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$J_BASE/healthz")
    [ "$code" = 200 ] && return 0
    judged_alive "$J_PID" || return 1
    sleep 0.1
  done
  return 1
}

# Waits at most TENTHS tenths of a second for PID to exit; 1 if it still runs.
judged_await_exit() {
  local pid=$1 tenths=$2 i
  for ((i = 0; i < tenths; i++)); do
    judged_alive "$pid" || return 0
    sleep 0.1
  done
  ! judged_alive "$pid"
}

judged_stop() {
  local sig=${1:-TERM}
  J_RC=
  if ! judged_alive "$J_PID"; then
    wait "$J_PID" 2>/dev/null
    J_RC=$?
  else
    kill -"$sig" "$J_PID"
    if judged_await_exit "$J_PID" 150; then
      { wait "$J_PID"; } 2>/dev/null
      J_RC=$?
    else
      { kill -9 "$J_PID"; wait "$J_PID"; } 2>/dev/null
      J_RC=timeout
    fi
  fi
  [ -d "/tmp/judged-$J_PID" ] && rm -rf "/tmp/judged-$J_PID"
  return 0
} 2>/dev/null # (and bash's "Killed" notice)

judged_cleanup() {
  local p
  for p in "${J_ALL_PIDS[@]}"; do
    if judged_alive "$p"; then
      kill -TERM "$p" 2>/dev/null
      judged_await_exit "$p" 50 || kill -9 "$p" 2>/dev/null
      wait "$p" 2>/dev/null
    fi
    # Its scratch folder in /tmp, left behind when it was killed.
    [ -d "/tmp/judged-$p" ] && rm -rf "/tmp/judged-$p"
  done
  return 0
} 2>/dev/null
