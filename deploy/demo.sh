#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs Einlass on a sample congress: the
# organiser creates the event, imports registrations and issues tickets; a kiosk provisioned
# from it admits ticket photos dropped into its scanner folder and prints badges, without any
# server. Ctrl-C stops the kiosk. (Server, sync and dashboard come with the later issues.)
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target einlass-admin einlass-kiosk
admin=build/release/server/tools/einlass-admin
kiosk=build/release/kiosk/tools/einlass-kiosk

work=demo-event
rm -rf "$work"
mkdir -p "$work"
export EINLASS_DB="$work/event.db"
today=$(date +%F)

echo
echo "== 1. a two-day congress starting today ($today), Europe/Berlin"
"$admin" init --name "Digitale Verwaltung 2026" --first-day "$today" --days 2
echo
echo "== 2. registrations from deploy/sample/registrations.csv"
"$admin" import deploy/sample/registrations.csv
echo
echo "== 3. signed tickets as PDF and PNG"
"$admin" tickets --out "$work/tickets"
ls "$work/tickets" | head -4
echo "..."
echo
echo "== 4. what a kiosk would decide now for the first ticket"
code=$("$admin" tickets --format text | head -n 1)
echo "$code"
"$admin" verify "$code"
echo
echo "== 5. and for the same ticket with one character changed"
forged="${code:0:20}$([[ ${code:20:1} == A ]] && echo B || echo A)${code:21}"
"$admin" verify "$forged" || true
echo
echo "== 6. a kiosk bundle for kiosk K1 (replica + kiosk.toml), and the kiosk started on it"
"$admin" provision-kiosk K1 --out "$work/kiosk-K1"
mkdir -p "$work/kiosk-K1/frames" "$work/kiosk-K1/badges"
port=${EINLASS_DEMO_PORT:-8080}
sed -i "s/^listen = .*/listen = \"127.0.0.1:$port\"/" "$work/kiosk-K1/kiosk.toml"
"$kiosk" --config "$work/kiosk-K1/kiosk.toml" > "$work/kiosk-K1/kiosk.log" 2>&1 &
kiosk_pid=$!
trap 'kill -TERM $kiosk_pid 2>/dev/null || true; wait $kiosk_pid 2>/dev/null || true; echo; echo "kiosk stopped"' EXIT
until grep -q '"event":"started"' "$work/kiosk-K1/kiosk.log" 2>/dev/null; do
  kill -0 $kiosk_pid 2>/dev/null || { cat "$work/kiosk-K1/kiosk.log"; exit 1; }
  sleep 0.2
done
echo
echo "== 7. three attendees hold their tickets up (PNG files into the scanner folder), one twice"
for f in $(ls "$work/tickets"/*.png | head -3) $(ls "$work/tickets"/*.png | head -1); do
  cp "$f" "$work/kiosk-K1/frames/.next.png"
  mv "$work/kiosk-K1/frames/.next.png" "$work/kiosk-K1/frames/$(date +%s%N).png"
  sleep 2.5  # the kiosk decides a code held up again only after it was out of sight
done
until [[ $(grep -c '"event":"decision"' "$work/kiosk-K1/kiosk.log") -ge 4 ]]; do sleep 0.2; done
sleep 1
grep -E '"event":"(decision|print)"' "$work/kiosk-K1/kiosk.log"
echo
echo "Badges printed (file: printer): $(ls "$work/kiosk-K1/badges" | grep -c pdf) in $work/kiosk-K1/badges/"
echo
echo "The kiosk keeps running:"
echo "  screen:         http://127.0.0.1:$port/  (open it in a browser)"
echo "  scanner folder: $work/kiosk-K1/frames/  (drop ticket PNG/JPEG files in)"
echo "  badges:         $work/kiosk-K1/badges/"
echo "  log:            $work/kiosk-K1/kiosk.log"
echo "Press Ctrl-C to stop."
wait $kiosk_pid
