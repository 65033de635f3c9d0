#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running Einlass needs.
# Idempotent: asks apt only when something is missing, so a second run takes a moment.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # fuzzing: clang-19 (clang-14 cannot compile libstdc++ 12's std::expected) and its runtime
  clang-19 libclang-rt-19-dev
  # libraries
  libqrencode-dev libzxing-dev zxing-cpp-tools libsqlite3-dev libsqlitecpp-dev sqlite3
  libboost1.81-dev libssl-dev openssl catch2 libcairo2-dev fonts-dejavu-core libcups2-dev
  libhowardhinnant-date-dev tzdata libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
  libevdev-dev libgpiod-dev libturbojpeg0-dev libsystemd-dev
  # staff passwords: Argon2id, the memory-hard hash the password hashing competition chose
  libargon2-dev
  # test tools: a real IPP printer, its D-Bus, PDF inspection, a real browser for the screens
  cups-ipp-utils dbus poppler-utils chromium
  # a kiosk whose clock is wrong, for the clock-skew scenario: libfaketime shifts one process
  faketime
  # the systemd units' test: systemd-analyze verify and security, systemd-tmpfiles, -sysusers
  systemd
  # the demo's test asks the dashboard over HTTPS
  curl
  # the Debian packages: dpkg-shlibdeps finds their library dependencies; deb-systemd-helper
  # enables their units
  dpkg-dev init-system-helpers
)
# The browser tests run playwright-core on Node.js. A machine that has node and npm (Debian's or
# NodeSource's) keeps them; otherwise Debian's are installed.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: run as root (missing: ${missing[*]})" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}"
