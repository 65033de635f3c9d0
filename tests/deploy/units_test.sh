#!/usr/bin/env bash
# Checks deploy/systemd: `systemd-analyze verify` accepts all three units without a single
# warning, each unit keeps its hardening lines, the offline security review stays within bounds,
# and the sysusers + tmpfiles files create the state directories with the right owners and modes
# in a scratch root.
# Usage: units_test.sh EINLASS_SERVER_BINARY EINLASS_KIOSK_BINARY
# systemd-analyze verify insists that ExecStart= binaries exist, so it runs on temp copies whose
# ExecStart points at the built binaries (and at $EINLASS_CHROMIUM, default /usr/bin/chromium).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 EINLASS_SERVER_BINARY EINLASS_KIOSK_BINARY" >&2
  exit 2
fi
server_bin=$(realpath -- "$1")
kiosk_bin=$(realpath -- "$2")
chromium_bin=${EINLASS_CHROMIUM:-/usr/bin/chromium}
units_dir=$(cd "$(dirname "$0")/../../deploy/systemd" && pwd)

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

for tool in systemd-analyze systemd-tmpfiles systemd-sysusers; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool missing (Debian package: systemd)" >&2; exit 1; }
done
for bin in "$server_bin" "$kiosk_bin" "$chromium_bin"; do
  [[ -x $bin ]] || { echo "FAIL: $bin is not an executable" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- verify --------------------------------------------------------------------------------
# Copy UNIT to $work with its installed binary path replaced by BUILT; insists the path was there.
copy_unit() {
  local unit=$1 installed=$2 built=$3
  local copy=$work/$unit
  [[ -f $units_dir/$unit ]] || { fail "$unit missing"; return; }
  if [[ $(grep -c "^ExecStart=$installed\( \|$\)" "$units_dir/$unit") -ne 1 ]]; then
    fail "$unit: expected exactly one 'ExecStart=$installed'"
  fi
  awk -v from="ExecStart=$installed" -v to="ExecStart=$built" '
    index($0, from) == 1 { $0 = to substr($0, length(from) + 1) } { print }' \
    "$units_dir/$unit" > "$copy"
  grep -q "^ExecStart=$built" "$copy" || fail "$unit: ExecStart was not rewritten"
}
copy_unit einlass-server.service /usr/bin/einlass-server "$server_bin"
copy_unit einlass-kiosk.service /usr/bin/einlass-kiosk "$kiosk_bin"
copy_unit einlass-kiosk-browser.service /usr/bin/chromium "$chromium_bin"
units=("$work/einlass-server.service" "$work/einlass-kiosk.service"
       "$work/einlass-kiosk-browser.service")

# systemd-analyze verify exits 0 on unknown keys and unparsable values ("..., ignoring."): any
# output at all counts as a failure.
run_verify() {
  SYSTEMD_LOG_COLOR=0 systemd-analyze verify "$@" 2>&1 || echo "(systemd-analyze verify exit $?)"
}
output=$(run_verify "${units[@]}")
if [[ -n $output ]]; then
  fail "systemd-analyze verify printed:"
  echo "$output" >&2
fi
# The check above must be able to fail: a misspelt key must produce output.
cp "$work/einlass-server.service" "$work/einlass-broken.service"
echo "ProtectSystm=strict" >> "$work/einlass-broken.service"
[[ -n $(run_verify "$work/einlass-broken.service") ]] ||
  fail "systemd-analyze verify stayed silent about a misspelt key: the verify check is blind"

# --- hardening lines -----------------------------------------------------------------------
require() {
  local unit=$1
  shift
  for line in "$@"; do
    grep -qxF -- "$line" "$units_dir/$unit" || fail "$unit: missing line '$line'"
  done
}
common=(Restart=always NoNewPrivileges=yes ProtectSystem=strict
        ProtectKernelTunables=yes ProtectKernelModules=yes ProtectControlGroups=yes
        CapabilityBoundingSet= AmbientCapabilities= RestrictSUIDSGID=yes)
require einlass-server.service "${common[@]}" ProtectHome=yes PrivateTmp=yes User=einlass Group=einlass \
  ReadWritePaths=/var/lib/einlass/server Type=notify PrivateDevices=yes \
  "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6" MemoryDenyWriteExecute=yes
require einlass-kiosk.service "${common[@]}" ProtectHome=yes PrivateTmp=yes User=einlass-kiosk Group=einlass-kiosk \
  ReadWritePaths=/var/lib/einlass/kiosk Type=notify DevicePolicy=closed \
  "DeviceAllow=char-video4linux rw" "DeviceAllow=char-input r" "DeviceAllow=char-ttyACM rw" \
  "DeviceAllow=char-ttyUSB rw" "DeviceAllow=char-gpiochip rw" "DeviceAllow=char-usb rw" \
  "DeviceAllow=char-lp rw" MemoryDenyWriteExecute=yes
# The browser reads its X cookie from its home and reaches X through /tmp/.X11-unix.
require einlass-kiosk-browser.service "${common[@]}" ProtectHome=read-only \
  User=einlass-screen After=graphical.target After=einlass-kiosk.service \
  ReadWritePaths=/run/einlass-screen
grep -q -- '--kiosk --app=http://127.0.0.1:8080/' "$units_dir/einlass-kiosk-browser.service" ||
  fail "einlass-kiosk-browser.service: not '--kiosk --app=http://127.0.0.1:8080/'"
# Every unit restarts after a delay; both daemons feed a watchdog.
for unit in einlass-server.service einlass-kiosk.service einlass-kiosk-browser.service; do
  grep -q '^RestartSec=[1-9]' "$units_dir/$unit" || fail "$unit: no RestartSec of a second or more"
  grep -q '^StartLimitIntervalSec=0$' "$units_dir/$unit" || fail "$unit: may give up restarting"
done
grep -q '^WatchdogSec=[1-9]' "$units_dir/einlass-kiosk.service" || fail "kiosk: no WatchdogSec"
grep -q '^WatchdogSec=[1-9]' "$units_dir/einlass-server.service" || fail "server: no WatchdogSec"
grep -q '^LimitNOFILE=[0-9]\{4,\}$' "$units_dir/einlass-server.service" ||
  fail "einlass-server.service: LimitNOFILE missing or below 1000"

# --- offline security review ---------------------------------------------------------------
# systemd's exposure score (0 best, 10 worst); the bounds catch a dropped hardening line.
check_exposure() {
  local unit=$1 bound=$2 score
  score=$(systemd-analyze security --offline=yes --no-pager "$work/$unit" 2>&1 |
          sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
  if [[ -z $score ]]; then
    fail "$unit: no exposure score from systemd-analyze security"
  elif awk -v s="$score" -v b="$bound" 'BEGIN { exit !(s > b) }'; then
    fail "$unit: exposure $score above $bound"
  else
    echo "$unit: exposure $score (bound $bound)"
  fi
}
check_exposure einlass-server.service 2.0
check_exposure einlass-kiosk.service 2.0
check_exposure einlass-kiosk-browser.service 5.0

# --- sysusers + tmpfiles in a scratch root -------------------------------------------------
# systemd-tmpfiles 252 has no --dry-run: apply both files to a scratch root instead and check
# what they made there. The users come from the scratch root's /etc/passwd.
root=$work/root
mkdir -p "$root/etc"
# Both packages' files together, as on a machine that runs server and kiosk (the demo's): their
# shared lines must merge silently.
sysusers=("$units_dir/einlass-server.sysusers.conf" "$units_dir/einlass-kiosk.sysusers.conf")
tmpfiles=("$units_dir/einlass-server.tmpfiles.conf" "$units_dir/einlass-kiosk.tmpfiles.conf")
for conf in "${sysusers[@]}"; do
  if ! out=$(systemd-sysusers --root="$root" "$conf" 2>&1); then
    fail "systemd-sysusers $(basename "$conf"): $out"
  fi
done
if [[ $EUID -ne 0 ]]; then
  # Without root the chown cannot happen: "-" owns everything by the invoking user instead.
  for n in "${!tmpfiles[@]}"; do
    awk '/^[^#]/ { $4 = "-"; $5 = "-" } { print }' "${tmpfiles[$n]}" > "$work/tmpfiles-$n.conf"
    tmpfiles[$n]=$work/tmpfiles-$n.conf
  done
fi
if ! out=$(systemd-tmpfiles --root="$root" --create "${tmpfiles[@]}" 2>&1) || [[ -n $out ]]; then
  fail "systemd-tmpfiles printed: $out"
fi
expect_dir() {
  local path=$1 mode=$2 user=$3 actual expected
  [[ -d $root$path ]] || { fail "tmpfiles did not create $path"; return; }
  actual=$(stat -c '%a %u:%g' "$root$path")
  if [[ $EUID -eq 0 ]]; then
    local id
    id=$(awk -F: -v u="$user" '$1 == u { print $3 ":" $4 }' "$root/etc/passwd")
    [[ $user == root ]] && id=0:0
    expected="$mode $id"
  else
    expected="$mode $(id -u):$(id -g)"
  fi
  [[ $actual == "$expected" ]] || fail "$path is '$actual', expected '$expected'"
}
expect_dir /etc/einlass 755 root
expect_dir /var/lib/einlass 755 root
expect_dir /var/lib/einlass/server 750 einlass
expect_dir /var/lib/einlass/kiosk 750 einlass-kiosk
expect_dir /home/einlass-screen 750 einlass-screen
for user in einlass einlass-kiosk einlass-screen; do
  grep -q "^$user:" "$root/etc/passwd" || fail "sysusers did not create $user"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "deploy units: all checks passed"
