#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs the organiser's side of Einlass on a
# sample congress: create the event, import registrations, issue tickets, verify one.
# (The full demo with server, kiosks and dashboard comes with the later issues.)
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target einlass-admin
admin=build/release/server/tools/einlass-admin

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
echo "Done. Event database: $work/event.db, tickets: $work/tickets/"
