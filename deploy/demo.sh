#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs Einlass on a sample congress on this
# machine: one einlass-server (sync + staff dashboard) and two kiosks, K1 and K2, whose cameras
# are folders (dir: scanners) and whose badge printers write PDF files (file: printers). It feeds
# five ticket images so the dashboard shows admissions at once, prints where everything is, and
# runs until Ctrl-C, which stops all three processes. Everything lives in one work folder that
# is created anew on every run.
#
# Environment (all optional):
#   EINLASS_DEMO_PORT       base port: dashboard on it, sync on +1, K1's screen on +2, K2's on +3
#                           (default: dashboard 8443, sync 7443, screens 8081 and 8082)
#   EINLASS_DEMO_DIR        the work folder (default: demo-event in this repository)
#   EINLASS_DEMO_BUILD_DIR  use the binaries of this already configured build folder (e.g.
#                           build/dev); skips installing packages and building
#   EINLASS_DEMO_ADMIN, EINLASS_DEMO_SERVER, EINLASS_DEMO_KIOSK
#                           the three binaries themselves (all three; the tests use these);
#                           also skips installing and building
#   EINLASS_DEMO_SHEETS     "all" (default) writes every attendee's ticket sheet as PDF and PNG
#                           in the background; "none" writes only the five it feeds (tests)
set -euo pipefail
# Paths given in the environment are relative to where the demo was started from.
from=$(pwd)
absolute() { [[ -z $1 || $1 == /* ]] && printf '%s' "$1" || printf '%s' "$from/$1"; }
cd "$(dirname "$0")/.."
repo=$(pwd)

say() { printf '%s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

# --- binaries ---------------------------------------------------------------------------------
if [[ -n ${EINLASS_DEMO_ADMIN:-} || -n ${EINLASS_DEMO_SERVER:-} || -n ${EINLASS_DEMO_KIOSK:-} ]]
then
  all="set EINLASS_DEMO_ADMIN, EINLASS_DEMO_SERVER and EINLASS_DEMO_KIOSK"
  admin=$(absolute "${EINLASS_DEMO_ADMIN:?$all}")
  server=$(absolute "${EINLASS_DEMO_SERVER:?$all}")
  kiosk=$(absolute "${EINLASS_DEMO_KIOSK:?$all}")
else
  build=build/release
  [[ -n ${EINLASS_DEMO_BUILD_DIR:-} ]] && build=$(absolute "$EINLASS_DEMO_BUILD_DIR")
  if [[ -z ${EINLASS_DEMO_BUILD_DIR:-} ]]; then
    deploy/install-deps.sh
    cmake --preset release >/dev/null
    cmake --build --preset release --target einlass-admin einlass-server einlass-kiosk
  fi
  admin=$build/server/tools/einlass-admin
  server=$build/server/tools/einlass-server
  kiosk=$build/kiosk/tools/einlass-kiosk
fi
for bin in "$admin" "$server" "$kiosk"; do
  [[ -x $bin ]] || die "$bin is not an executable (build it first)"
done
admin=$(realpath "$admin") server=$(realpath "$server") kiosk=$(realpath "$kiosk")

# --- ports and folders ------------------------------------------------------------------------
if [[ -n ${EINLASS_DEMO_PORT:-} ]]; then
  [[ $EINLASS_DEMO_PORT =~ ^[0-9]+$ ]] && ((EINLASS_DEMO_PORT >= 1 && EINLASS_DEMO_PORT <= 65532)) ||
    die "EINLASS_DEMO_PORT must be a port number up to 65532, not '$EINLASS_DEMO_PORT'"
  web_port=$EINLASS_DEMO_PORT
  sync_port=$((EINLASS_DEMO_PORT + 1))
  screen_ports=($((EINLASS_DEMO_PORT + 2)) $((EINLASS_DEMO_PORT + 3)))
else
  web_port=8443 sync_port=7443 screen_ports=(8081 8082)
fi
kiosks=(K1 K2)

work=$repo/demo-event
[[ -n ${EINLASS_DEMO_DIR:-} ]] && work=$(absolute "$EINLASS_DEMO_DIR")
rm -rf -- "$work"
mkdir -p -- "$work"
work=$(realpath "$work")
db=$work/event.db
adm() { "$admin" --db "$db" "$@"; }

# --- processes: started in the background, stopped together -----------------------------------
pids=()        # everything still to stop: server, kiosks, the ticket sheet writer
declare -A what  # pid -> name for messages
stopping=""
interrupted=""
running() { [[ -r /proc/$1/stat ]] && [[ $(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) != Z ]]; }
cleanup() {
  [[ -n $stopping ]] && return
  stopping=1
  ((${#pids[@]} > 0)) || return 0
  say "demo: stopping"
  local pid i
  # Ctrl-C in a terminal reaches the server and the kiosks too, and they are already stopping:
  # a second signal while they exit could cut that short, so they get a moment first.
  # (The ticket sheet writer ignores Ctrl-C, as background commands of scripts do: it is told
  # at once.)
  if [[ -n $interrupted ]]; then
    for pid in "${pids[@]}"; do
      if [[ ${what[$pid]} == "ticket sheet writer" ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
    done
    for i in {1..25}; do
      for pid in "${pids[@]}"; do running "$pid" && break; done
      running "$pid" || break
      sleep 0.2
    done
  fi
  for pid in "${pids[@]}"; do
    if running "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  # A process that does not end within 15 s is killed, so Ctrl-C always ends the demo.
  (
    trap 'kill "$nap" 2>/dev/null; exit 0' TERM
    sleep 15 &
    nap=$!
    wait "$nap"
    kill -KILL "${pids[@]}" 2>/dev/null && echo "demo: killed what hung after 15 s" >&2
  ) &
  local watchdog=$!
  local code
  for pid in "${pids[@]}"; do
    code=0
    wait "$pid" 2>/dev/null || code=$?
    say "demo: ${what[$pid]} stopped (exit $code)"
  done
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  say "demo: stopped; everything it made is in $work"
}
trap cleanup EXIT
trap 'interrupted=1; echo; exit 130' INT
trap 'echo; exit 143' TERM

# start NAME LOG COMMAND...: runs COMMAND in the background with its output in LOG.
start() {
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  pids+=($!)
  what[$!]=$name
}
# await NAME LOG PATTERN SECONDS: waits until LOG has a line matching PATTERN; fails when the
# process ends first or the time is up.
await() {
  local name=$1 log=$2 pattern=$3 seconds=$4 pid
  for pid in "${!what[@]}"; do [[ ${what[$pid]} == "$name" ]] && break; done
  local deadline=$((SECONDS + seconds))
  until grep -q -- "$pattern" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "demo: $name ended while starting; its log ($log):" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    ((SECONDS < deadline)) || { say "demo: $name: no '$pattern' after ${seconds}s ($log)" >&2; return 1; }
    sleep 0.2
  done
}

# --- the congress -----------------------------------------------------------------------------
today=$(TZ=Europe/Berlin date +%F)
say "== 1. the congress \"Digitale Verwaltung $(date +%Y)\": two days from today ($today), Europe/Berlin"
adm init --name "Digitale Verwaltung $(date +%Y)" --first-day "$today" --days 2

say
say "== 2. 500 registrations (generated by deploy/sample/make_registrations.sh)"
deploy/sample/make_registrations.sh 500 >"$work/registrations.csv"
# The five attendees fed to the kiosks get their ticket sheets first: writing all 500 takes a
# while and happens in the background once everything runs.
head -n 6 "$work/registrations.csv" >"$work/first-five.csv"
adm import "$work/first-five.csv" >/dev/null
adm tickets --out "$work/feed" --format png >/dev/null
adm import "$work/registrations.csv"
adm tickets --format text >"$work/codes.txt"
say "issued $(wc -l <"$work/codes.txt") signed tickets (codes in $work/codes.txt)"
# The category is the last column but one (only names and organisations are ever quoted).
awk -F, 'NR > 1 { print $(NF - 1) }' "$work/registrations.csv" | sort | uniq -c | sed 's/^/   /'

say
say "== 3. the server (sync on 127.0.0.1:$sync_port, dashboard on 127.0.0.1:$web_port) and staff logins"
adm setup-server --out "$work/server" --listen "127.0.0.1:$sync_port" --host 127.0.0.1 >/dev/null
sed -i "s/^listen = \"0.0.0.0:8443\"/listen = \"127.0.0.1:$web_port\"/" "$work/server/server.toml"
grep -q "^listen = \"127.0.0.1:$web_port\"" "$work/server/server.toml" ||
  die "setup-server's server.toml has no [web] listen line to point at port $web_port"
desk_password=einlass-desk-demo
admin_password=einlass-admin-demo
echo "$desk_password" | adm staff add desk --role desk
echo "$admin_password" | adm staff add admin --role admin

say
say "== 4. kiosks ${kiosks[*]}: dir: scanner folder frames/, file: printer folder badges/"
for i in "${!kiosks[@]}"; do
  id=${kiosks[$i]}
  bundle=$work/kiosk-$id
  adm provision-kiosk "$id" --out "$bundle" >/dev/null
  mkdir -p "$bundle/frames" "$bundle/badges"
  # The bundle's kiosk.toml already reads frames/ and prints into badges/; only the screen
  # needs a port of its own.
  sed -i "s/^listen = \"127.0.0.1:8080\"/listen = \"127.0.0.1:${screen_ports[$i]}\"/" \
    "$bundle/kiosk.toml"
  grep -q "^listen = \"127.0.0.1:${screen_ports[$i]}\"" "$bundle/kiosk.toml" ||
    die "provision-kiosk's kiosk.toml has no [screen] listen line to point at port ${screen_ports[$i]}"
  grep -q '^scanners = \["dir:frames"\]' "$bundle/kiosk.toml" &&
    grep -q '^printer = "file:badges"' "$bundle/kiosk.toml" &&
    grep -q "^server = \"127.0.0.1:$sync_port\"" "$bundle/kiosk.toml" ||
    die "$bundle/kiosk.toml lacks the dir: scanner, file: printer or [sync] server line"
done

say
say "== 5. starting einlass-server and both kiosks (logs in $work)"
start einlass-server "$work/server/server.log" "$server" --config "$work/server/server.toml"
await einlass-server "$work/server/server.log" "dashboard on https://" 30
for i in "${!kiosks[@]}"; do
  id=${kiosks[$i]}
  start "kiosk $id" "$work/kiosk-$id/kiosk.log" "$kiosk" --config "$work/kiosk-$id/kiosk.toml"
done
for id in "${kiosks[@]}"; do
  await "kiosk $id" "$work/kiosk-$id/kiosk.log" '"event":"started"' 30
done
for id in "${kiosks[@]}"; do
  await "kiosk $id" "$work/kiosk-$id/kiosk.log" 'online: connected' 30 ||
    say "demo: kiosk $id is not online yet; it admits offline and syncs when it is"
done
grep -h "sync on\|dashboard on" "$work/server/server.log" | sed 's/^/   /'
for id in "${kiosks[@]}"; do
  say "   kiosk $id: $(grep -o '"detail":"screen on [^"]*"' "$work/kiosk-$id/kiosk.log" |
    head -n 1 | cut -d'"' -f4), $(grep -o '"detail":"sync: online: [^"]*"' "$work/kiosk-$id/kiosk.log" |
    head -n 1 | cut -d'"' -f4 | sed 's/^sync: //')"
done

sheets="$work/feed/ (the first five; EINLASS_DEMO_SHEETS=none wrote no others)"
if [[ ${EINLASS_DEMO_SHEETS:-all} != none ]]; then
  sheets="$work/tickets/ (all 500, PDF and PNG; being written now)"
  start "ticket sheet writer" "$work/tickets.log" \
    nice -n 10 "$admin" --db "$db" tickets --out "$work/tickets" --format pdf,png
fi

say
say "== 6. five attendees hold their tickets up: T000001-T000003 at K1, T000004-T000005 at K2"
feed() {  # feed KIOSK TICKET...: one ticket sheet PNG per ticket into the kiosk's scanner folder
  local id=$1 ticket
  shift
  for ticket in "$@"; do
    cp "$work/feed/$ticket.png" "$work/kiosk-$id/frames/.$ticket.tmp"
    mv "$work/kiosk-$id/frames/.$ticket.tmp" "$work/kiosk-$id/frames/$ticket.png"
  done
}
feed K1 T000001 T000002 T000003
feed K2 T000004 T000005
decisions() { grep -c '"event":"decision"' "$work/kiosk-$1/kiosk.log" || true; }
deadline=$((SECONDS + 60))
until (($(decisions K1) >= 3 && $(decisions K2) >= 2)); do
  ((SECONDS < deadline)) || { say "demo: the kiosks have not decided all five yet (see their logs)"; break; }
  sleep 0.2
done
for id in "${kiosks[@]}"; do
  grep -h '"event":"decision"' "$work/kiosk-$id/kiosk.log" |
    sed -E -e 's/.*"kiosk":"([^"]*)".*"reason":"?([^",]*)"?,.*"ticket":"?([^",]*)"?.*"verdict":"([^"]*)".*/   \1: \3 \4 (\2)/' \
      -e 's/ \(null\)$//'
done

cat <<EOF

Einlass is running. Open in a browser on this machine:

  Staff dashboard:  https://127.0.0.1:$web_port/
    logins:         desk / $desk_password    (desk: admits by hand, reprints)
                    admin / $admin_password  (admin: also cancels, revokes, manages staff)
    certificate:    the event CA signed it; import $work/server/tls/ca.crt
                    as a trusted authority, or accept the browser's warning
  Kiosk screens:    K1 http://127.0.0.1:${screen_ports[0]}/   K2 http://127.0.0.1:${screen_ports[1]}/

  Hold a ticket up:  copy a ticket PNG or JPEG into $work/kiosk-K1/frames/
                     or $work/kiosk-K2/frames/ (read files move to frames/done/)
  Ticket images:     $sheets
  Badges appear in:  $work/kiosk-K1/badges/ and $work/kiosk-K2/badges/
  Logs:              $work/server/server.log, $work/kiosk-K1/kiosk.log, $work/kiosk-K2/kiosk.log
  Command line:      $admin --db $db status

Press Ctrl-C to stop.
EOF

# Runs until Ctrl-C (the trap above) or until the server or a kiosk ends by itself.
while :; do
  died="" code=0
  wait -n -p died "${pids[@]}" || code=$?
  [[ -n $died ]] || continue
  name=${what[$died]}
  unset "what[$died]"
  remaining=()
  for pid in "${pids[@]}"; do [[ $pid == "$died" ]] || remaining+=("$pid"); done
  pids=("${remaining[@]}")
  if [[ $name == "ticket sheet writer" ]] && ((code == 0)); then
    say "demo: all ticket sheets (PDF and PNG) are now in $work/tickets/"
    continue
  fi
  say "demo: $name ended unexpectedly (exit $code); the last lines of its log:" >&2
  case $name in
    einlass-server) tail -n 10 "$work/server/server.log" >&2 ;;
    "kiosk "*) tail -n 10 "$work/kiosk-${name#kiosk }/kiosk.log" >&2 ;;
    *) tail -n 10 "$work/tickets.log" >&2 ;;
  esac
  exit 1
done
