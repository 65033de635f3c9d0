#!/usr/bin/env bash
# Runs deploy/demo.sh twice on the given binaries, as the README's quick start does, and checks
# what a newcomer would see: the dashboard answers on HTTPS, the printed desk login signs in, the
# summary counts the five fed tickets as admitted with both kiosks online, badges lie in both
# printer folders, and Ctrl-C (SIGINT to the demo's whole process group, as a terminal sends it)
# stops all three processes and frees every port. The second run, on the same ports and work
# folder, is stopped by SIGTERM to the script alone.
# Usage: demo_test.sh EINLASS_ADMIN EINLASS_SERVER EINLASS_KIOSK
set -euo pipefail
set -m  # each background job gets its own process group, so SIGINT reaches it as from a terminal

if [[ $# -ne 3 ]]; then
  echo "usage: $0 EINLASS_ADMIN EINLASS_SERVER EINLASS_KIOSK" >&2
  exit 2
fi
command -v curl >/dev/null || { echo "FAIL: curl missing (Debian package: curl)" >&2; exit 1; }
demo=$(cd "$(dirname "$0")/../../deploy" && pwd)/demo.sh
scratch=$(mktemp -d)
demo_pid=""
finish() {
  if [[ -n $demo_pid ]] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -TERM -- "-$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf -- "$scratch"
}
trap finish EXIT

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Four consecutive free ports: dashboard, sync, K1's screen, K2's screen.
base=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  port_open "$candidate" || port_open $((candidate + 1)) || port_open $((candidate + 2)) ||
    port_open $((candidate + 3)) || { base=$candidate; break; }
done
[[ -n $base ]] || { echo "FAIL: found no four free ports" >&2; exit 1; }
work=$scratch/demo-event
url=https://127.0.0.1:$base

run_demo() {  # run_demo RUN STOP_SIGNAL_TARGET
  local run=$1 target=$2 out=$scratch/run$1.txt
  EINLASS_DEMO_ADMIN=$admin EINLASS_DEMO_SERVER=$server EINLASS_DEMO_KIOSK=$kiosk \
    EINLASS_DEMO_PORT=$base EINLASS_DEMO_DIR=$work EINLASS_DEMO_SHEETS=none \
    "$demo" >"$out" 2>&1 &
  demo_pid=$!
  # The demo itself waits up to 60 s for the kiosks' five decisions before it goes on.
  local deadline=$((SECONDS + 90))
  until grep -q "Press Ctrl-C to stop" "$out" 2>/dev/null; do
    if ! kill -0 "$demo_pid" 2>/dev/null || ((SECONDS >= deadline)); then
      fail "run $run: the demo did not come up"
      cat "$out" >&2
      kill -TERM -- "-$demo_pid" 2>/dev/null || true
      wait "$demo_pid" 2>/dev/null || true
      demo_pid=""
      return
    fi
    sleep 0.2
  done

  # What the demo printed is what a newcomer uses.
  grep -q "Staff dashboard:  $url/" "$out" || fail "run $run: no dashboard URL $url/ printed"
  local password
  password=$(sed -n -E 's/.*logins: +desk \/ ([^ ]+).*/\1/p' "$out")
  [[ -n $password ]] || fail "run $run: no desk login printed"
  grep -q "K1 http://127.0.0.1:$((base + 2))/ .*K2 http://127.0.0.1:$((base + 3))/" "$out" ||
    fail "run $run: kiosk screen URLs not printed"
  grep -q "$work/kiosk-K1/frames/" "$out" || fail "run $run: K1's scanner folder not printed"
  grep -q "import $work/server/tls/ca.crt" "$out" || fail "run $run: the CA file not printed"

  # The dashboard, verified against the printed CA: the login works, the summary counts the feed.
  local jar=$scratch/cookies$run code
  code=$(curl -s --cacert "$work/server/tls/ca.crt" -c "$jar" -o "$scratch/login$run.json" \
    -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"login\":\"desk\",\"password\":\"$password\"}" "$url/api/v1/login" || true)
  [[ $code == 200 ]] || fail "run $run: login as desk gave HTTP $code: $(cat "$scratch/login$run.json" 2>/dev/null)"
  grep -q '"role":"desk"' "$scratch/login$run.json" 2>/dev/null || fail "run $run: login is not a desk session"
  local summary admitted=0 online=0
  deadline=$((SECONDS + 20))
  while :; do
    summary=$(curl -s --cacert "$work/server/tls/ca.crt" -b "$jar" "$url/api/v1/summary" || true)
    # The server writes keys in alphabetical order: the event's own "admitted" comes first,
    # before the one of each category.
    admitted=$(grep -o '"admitted":[0-9]*' <<<"$summary" | head -n 1 | cut -d: -f2)
    online=$(grep -o '"kiosks":{"online":[0-9]*' <<<"$summary" | cut -d: -f3)
    ((${admitted:-0} >= 5 && ${online:-0} == 2)) && break
    ((SECONDS < deadline)) || break
    sleep 0.5
  done
  ((${admitted:-0} >= 5)) || fail "run $run: summary counts ${admitted:-no} admitted, not 5: ${summary:0:300}"
  ((${online:-0} == 2)) || fail "run $run: summary has ${online:-no} kiosks online, not 2"
  # 500 registrations, 50 of them for the other day only (make_registrations.sh is deterministic).
  grep -q '"expected":450' <<<"$summary" ||
    fail "run $run: the summary does not expect 450 attendees today: ${summary:0:300}"
  grep -q '"category":"Presse"' <<<"$summary" || fail "run $run: no category Presse"

  # Badges: K1 printed three, K2 two (a PDF per badge from the file: printer).
  local k1 k2
  k1=$(find "$work/kiosk-K1/badges" -name '*.pdf' | wc -l)
  k2=$(find "$work/kiosk-K2/badges" -name '*.pdf' | wc -l)
  ((k1 == 3 && k2 == 2)) || fail "run $run: badges K1 $k1, K2 $k2 (want 3 and 2)"
  # The kiosk screens answer.
  for port in $((base + 2)) $((base + 3)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
    [[ $code == 200 ]] || fail "run $run: kiosk screen on $port gave HTTP $code"
  done

  # Stop it: the whole process group (Ctrl-C) or the script alone.
  if [[ $target == group ]]; then
    kill -INT -- "-$demo_pid"
  else
    kill -TERM "$demo_pid"
  fi
  deadline=$((SECONDS + 20))
  while kill -0 "$demo_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$demo_pid" 2>/dev/null; then
    fail "run $run: the demo still runs 20 s after the stop signal"
    return
  fi
  wait "$demo_pid" 2>/dev/null || true
  demo_pid=""
  for who in einlass-server "kiosk K1" "kiosk K2"; do
    grep -q "demo: $who stopped (exit 0)" "$out" || fail "run $run: '$who' did not stop cleanly"
  done
  if grep -q "ended unexpectedly\|killed what hung" "$out"; then
    fail "run $run: $(grep 'unexpectedly\|hung' "$out")"
  fi
  grep -q "einlass-server: stopped" "$work/server/server.log" ||
    fail "run $run: the server did not log that it stopped"
  for port in $base $((base + 1)) $((base + 2)) $((base + 3)); do
    if port_open "$port"; then fail "run $run: port $port is still open after the demo stopped"; fi
  done
  ((failures == 0)) || cat "$out" >&2
}

admin=$1 server=$2 kiosk=$3
run_demo 1 group
run_demo 2 script

if ((failures > 0)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "demo: both runs came up on ports $base..$((base + 3)), admitted 5, printed 5 badges, stopped cleanly"
