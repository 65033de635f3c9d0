#!/usr/bin/env bash
# Builds the Debian packages einlass-server and einlass-kiosk from a configured build folder with
# CPack and checks them: the control fields, the exact file lists, that the packaged units and
# sample configs are the ones in deploy/, the maintainer scripts; then installs both into a
# scratch root with dpkg (maintainer scripts run chrootless against it through DPKG_ROOT) and
# checks the users, the directories, that the services are enabled but nothing was started, that
# the packaged binaries run, and that a purge keeps the event's data.
# Usage: package_test.sh BUILD_DIR
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build=$(realpath -- "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's/^project(einlass VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
arch=$(dpkg --print-architecture)

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps systemd-sysusers systemd-tmpfiles deb-systemd-helper; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool missing" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- build ---------------------------------------------------------------------------------
if ! out=$(cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/packages" 2>&1); then
  echo "$out" >&2
  echo "FAIL: cpack failed" >&2
  exit 1
fi
server_deb=$work/packages/einlass-server_${version}_${arch}.deb
kiosk_deb=$work/packages/einlass-kiosk_${version}_${arch}.deb
for deb in "$server_deb" "$kiosk_deb"; do
  [[ -f $deb ]] || { echo "FAIL: $(basename "$deb") not built; cpack said: $out" >&2; exit 1; }
done

# --- control fields ------------------------------------------------------------------------
field() { dpkg-deb --field "$1" "$2"; }
expect_field() {
  local deb=$1 name=$2 expected=$3 actual
  actual=$(field "$deb" "$name")
  [[ $actual == "$expected" ]] || fail "$(basename "$deb"): $name is '$actual', expected '$expected'"
}
expect_depends() {
  local deb=$1 depends
  shift
  depends=$(field "$deb" Depends)
  for package in "$@"; do
    [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] ||
      fail "$(basename "$deb"): Depends lacks $package: $depends"
  done
}
for deb in "$server_deb" "$kiosk_deb"; do
  expect_field "$deb" Version "$version"
  expect_field "$deb" Architecture "$arch"
  expect_field "$deb" Maintainer "Einlass Developers <dev@einlass.invalid>"
  expect_field "$deb" Section misc
  expect_field "$deb" Priority optional
  # Debian policy: a synopsis line under 80 characters, then the long description.
  synopsis=$(field "$deb" Description | head -n 1)
  [[ -n $synopsis && ${#synopsis} -lt 80 ]] || fail "$(basename "$deb"): synopsis '$synopsis'"
  [[ $(field "$deb" Description | wc -l) -ge 3 ]] || fail "$(basename "$deb"): no long description"
  grep -q 'Installed-Size:' <<< "$(dpkg-deb --info "$deb")" || fail "$(basename "$deb"): no Installed-Size"
done
expect_field "$server_deb" Package einlass-server
expect_field "$kiosk_deb" Package einlass-kiosk
# From dpkg-shlibdeps (the libraries the binaries link) and from the maintainer scripts.
expect_depends "$server_deb" systemd init-system-helpers libsqlite3-0 libssl3 libargon2-1 libsystemd0
expect_depends "$kiosk_deb" systemd init-system-helpers libsqlite3-0 libssl3 libzxing2 libcups2 \
  libgpiod2 libevdev2 libturbojpeg0
expect_field "$kiosk_deb" Recommends chromium
# (grep reads a here-string: grep -q closing a pipe early would fail the pipe under pipefail.)
grep -q 'staff dashboard' <<< "$(field "$server_deb" Description)" || fail "server: description"
grep -q 'QR tickets' <<< "$(field "$kiosk_deb" Description)" || fail "kiosk: description"

# --- contents ------------------------------------------------------------------------------
files_of() {
  dpkg-deb --contents "$1" | awk '$1 !~ /^d/ { print $1, $2, $6 }' | sort
}
expect_files() {
  local deb=$1 expected
  shift
  expected=$(printf '%s\n' "$@" | sort)
  if [[ $(files_of "$deb") != "$expected" ]]; then
    fail "$(basename "$deb") holds other files than expected:"
    diff <(echo "$expected") <(files_of "$deb") >&2 || true
  fi
}
expect_files "$server_deb" \
  "-rwxr-xr-x root/root ./usr/bin/einlass-admin" \
  "-rwxr-xr-x root/root ./usr/bin/einlass-server" \
  "-rw-r--r-- root/root ./usr/lib/systemd/system/einlass-server.service" \
  "-rw-r--r-- root/root ./usr/lib/sysusers.d/einlass-server.conf" \
  "-rw-r--r-- root/root ./usr/lib/tmpfiles.d/einlass-server.conf" \
  "-rw-r--r-- root/root ./usr/share/doc/einlass-server/copyright" \
  "-rw-r--r-- root/root ./usr/share/doc/einlass-server/examples/server.toml"
expect_files "$kiosk_deb" \
  "-rwxr-xr-x root/root ./usr/bin/einlass-kiosk" \
  "-rwxr-xr-x root/root ./usr/sbin/einlass-kiosk-setup" \
  "-rw-r--r-- root/root ./usr/lib/systemd/system/einlass-kiosk-browser.service" \
  "-rw-r--r-- root/root ./usr/lib/systemd/system/einlass-kiosk.service" \
  "-rw-r--r-- root/root ./usr/lib/sysusers.d/einlass-kiosk.conf" \
  "-rw-r--r-- root/root ./usr/lib/tmpfiles.d/einlass-kiosk.conf" \
  "-rw-r--r-- root/root ./usr/share/doc/einlass-kiosk/copyright" \
  "-rw-r--r-- root/root ./usr/share/doc/einlass-kiosk/examples/kiosk.toml"

# The packaged files are the ones in deploy/, byte for byte.
dpkg-deb -x "$server_deb" "$work/server-files"
dpkg-deb -x "$kiosk_deb" "$work/kiosk-files"
same() { cmp -s "$1" "$2" || fail "$2 differs from $1"; }
same "$source_dir/deploy/systemd/einlass-server.service" "$work/server-files/usr/lib/systemd/system/einlass-server.service"
same "$source_dir/deploy/systemd/einlass-server.sysusers.conf" "$work/server-files/usr/lib/sysusers.d/einlass-server.conf"
same "$source_dir/deploy/systemd/einlass-server.tmpfiles.conf" "$work/server-files/usr/lib/tmpfiles.d/einlass-server.conf"
same "$source_dir/deploy/config/server.toml" "$work/server-files/usr/share/doc/einlass-server/examples/server.toml"
same "$source_dir/deploy/systemd/einlass-kiosk.service" "$work/kiosk-files/usr/lib/systemd/system/einlass-kiosk.service"
same "$source_dir/deploy/systemd/einlass-kiosk-browser.service" "$work/kiosk-files/usr/lib/systemd/system/einlass-kiosk-browser.service"
same "$source_dir/deploy/systemd/einlass-kiosk.sysusers.conf" "$work/kiosk-files/usr/lib/sysusers.d/einlass-kiosk.conf"
same "$source_dir/deploy/systemd/einlass-kiosk.tmpfiles.conf" "$work/kiosk-files/usr/lib/tmpfiles.d/einlass-kiosk.conf"
same "$source_dir/deploy/config/kiosk.toml" "$work/kiosk-files/usr/share/doc/einlass-kiosk/examples/kiosk.toml"
same "$source_dir/deploy/einlass-kiosk-setup" "$work/kiosk-files/usr/sbin/einlass-kiosk-setup"

# --- maintainer scripts --------------------------------------------------------------------
for deb in "$server_deb" "$kiosk_deb"; do
  name=$(basename "$deb" .deb)
  dpkg-deb -e "$deb" "$work/$name-control"
  for script in postinst prerm postrm; do
    path=$work/$name-control/$script
    [[ -x $path ]] || { fail "$name: $script missing or not executable"; continue; }
    sh -n "$path" || fail "$name: $script is not valid sh"
    ! grep -q '@[A-Z_]*@' "$path" || fail "$name: $script has an unreplaced @VARIABLE@"
    # Enabled, never started: no start of any kind, only a try-restart on upgrade (the messages
    # echoed for the administrator may say how to start it).
    if grep -v '^[[:space:]]*echo ' "$path" |
      grep -Eq '(systemctl|deb-systemd-invoke)[^#]*[[:space:]](start|restart|enable --now)'; then
      fail "$name: $script starts a service"
    fi
  done
done
grep -q 'einlass-kiosk-browser.service' "$work/einlass-kiosk_${version}_${arch}-control/postinst" ||
  fail "kiosk postinst does not enable the browser unit"

# --- install into a scratch root -----------------------------------------------------------
if [[ $EUID -ne 0 ]]; then
  echo "package test: install check skipped (needs root for the owners dpkg and tmpfiles set)"
  [[ $failures -eq 0 ]] || exit 1
  exit 77
fi
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg_root() {
  dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null "$@" 2>&1
}
if ! out=$(dpkg_root --install "$server_deb" "$kiosk_deb"); then
  echo "$out" >&2
  fail "dpkg --install into the scratch root failed"
fi
echo "$out" | grep -q 'einlass-server: enabled, not started' || fail "server postinst said: $out"
echo "$out" | grep -q 'einlass-kiosk: enabled, not started' || fail "kiosk postinst said: $out"
for user in einlass einlass-kiosk einlass-screen; do
  grep -q "^$user:" "$root/etc/passwd" || fail "postinst did not create the user $user"
done
expect_dir() {
  local path=$1 mode=$2 user=$3 actual id
  [[ -d $root$path ]] || { fail "postinst did not create $path"; return; }
  id=$(awk -F: -v u="$user" '$1 == u { print $3 ":" $4 }' "$root/etc/passwd")
  [[ $user == root ]] && id=0:0
  actual=$(stat -c '%a %u:%g' "$root$path")
  [[ $actual == "$mode $id" ]] || fail "$path is '$actual', expected '$mode $id'"
}
expect_dir /etc/einlass 755 root
expect_dir /var/lib/einlass 755 root
expect_dir /var/lib/einlass/server 750 einlass
expect_dir /var/lib/einlass/kiosk 750 einlass-kiosk
wants=$root/etc/systemd/system/multi-user.target.wants
for unit in einlass-server.service einlass-kiosk.service; do
  [[ -L $wants/$unit ]] || fail "$unit is not enabled (no link in multi-user.target.wants)"
done
[[ -L $root/etc/systemd/system/graphical.target.wants/einlass-kiosk-browser.service ]] ||
  fail "einlass-kiosk-browser.service is not enabled"
for bin in einlass-server einlass-admin einlass-kiosk; do
  "$root/usr/bin/$bin" --help > /dev/null 2>&1 || fail "the packaged $bin does not run"
done
for bin in einlass-server einlass-kiosk; do
  [[ $("$root/usr/bin/$bin" --version 2>&1) == *"$version"* ]] || fail "$bin --version is not $version"
done
installed=$(dpkg --root="$root" --status einlass-server einlass-kiosk 2>/dev/null |
  grep -c '^Status: install ok installed$' || true)
[[ $installed == 2 ]] || fail "dpkg lists $installed of the 2 packages as installed"

# A kiosk bundle from einlass-admin, installed with the packaged einlass-kiosk-setup.
admin=$build/server/tools/einlass-admin
setup=$root/usr/sbin/einlass-kiosk-setup
"$admin" --db "$work/event.db" init --name "Paket" --first-day 2026-12-01 --days 1 > /dev/null
"$admin" --db "$work/event.db" provision-kiosk K7 --out "$work/bundle" --server 10.0.0.5:7443 > /dev/null
if ! out=$("$setup" --root "$root" "$work/bundle" 2>&1); then
  fail "einlass-kiosk-setup failed: $out"
fi
echo "$out" | grep -q 'kiosk K7 installed' || fail "einlass-kiosk-setup said: $out"
expect_file() {
  local path=$1 mode=$2 owner=$3 group=$4 actual uid gid
  [[ -f $root$path ]] || { fail "$path was not installed"; return; }
  uid=$(awk -F: -v u="$owner" '$1 == u { print $3 }' "$root/etc/passwd")
  gid=$(awk -F: -v g="$group" '$1 == g { print $3 }' "$root/etc/group")
  [[ $owner == root ]] && uid=0
  [[ $group == root ]] && gid=0
  actual=$(stat -c '%a %u:%g' "$root$path")
  [[ $actual == "$mode $uid:$gid" ]] || fail "$path is '$actual', expected '$mode $uid:$gid'"
}
expect_file /etc/einlass/kiosk.toml 644 root root
expect_file /etc/einlass/tls/ca.crt 644 root root
expect_file /etc/einlass/tls/kiosk.crt 644 root root
expect_file /etc/einlass/tls/kiosk.key 640 root einlass-kiosk
expect_file /var/lib/einlass/kiosk/replica.db 640 einlass-kiosk einlass-kiosk
cmp -s "$work/bundle/replica.db" "$root/var/lib/einlass/kiosk/replica.db" || fail "replica differs"
kiosk_toml=$(cat "$root/etc/einlass/kiosk.toml")
grep -q '^replica = "/var/lib/einlass/kiosk/replica.db"  #' <<< "$kiosk_toml" ||
  fail "kiosk.toml's replica was not moved to the state directory"
grep -q '"dir:/var/lib/einlass/kiosk/frames"' <<< "$kiosk_toml" || fail "dir: scanner not moved"
grep -q '"file:/var/lib/einlass/kiosk/badges"' <<< "$kiosk_toml" || fail "file: printer not moved"
[[ -d $root/var/lib/einlass/kiosk/frames ]] || fail "the dir: scanner's folder was not made"
# A second run must not replace the replica (it may hold admissions) unless told to keep it.
echo "admissions" > "$root/var/lib/einlass/kiosk/replica.db"
if out=$("$setup" --root "$root" "$work/bundle" 2>&1); then
  fail "einlass-kiosk-setup replaced an existing replica: $out"
fi
grep -q 'never replaced' <<< "$out" || fail "the refusal does not say why: $out"
if ! out=$("$setup" --keep-replica --root "$root" "$work/bundle" 2>&1); then
  fail "einlass-kiosk-setup --keep-replica failed: $out"
fi
[[ $(cat "$root/var/lib/einlass/kiosk/replica.db") == admissions ]] || fail "the replica was replaced"
ls "$root/etc/einlass/" | grep -q '^kiosk.toml.bak-' || fail "the previous kiosk.toml was not kept"
if out=$("$setup" --root "$root" "$work/no-bundle" 2>&1); then
  fail "einlass-kiosk-setup accepted a missing bundle"
fi
grep -q 'no-bundle/kiosk.toml is missing' <<< "$out" || fail "missing bundle: $out"

# A purge forgets the units but keeps the event's data.
echo "admissions" > "$root/var/lib/einlass/server/event.db"
if ! out=$(dpkg_root --purge einlass-server einlass-kiosk); then
  echo "$out" >&2
  fail "dpkg --purge failed"
fi
echo "$out" | grep -q 'einlass-server: kept /var/lib/einlass/server' || fail "purge said: $out"
[[ -f $root/var/lib/einlass/server/event.db ]] || fail "purge deleted the event database"
[[ ! -e $root/usr/bin/einlass-server ]] || fail "purge left /usr/bin/einlass-server"
[[ ! -L $wants/einlass-server.service ]] || fail "purge left einlass-server.service enabled"
[[ ! -e $root/etc/systemd/system/einlass-server.service ]] || fail "purge left a mask"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "deploy packages: all checks passed ($(basename "$server_deb"), $(basename "$kiosk_deb"))"
