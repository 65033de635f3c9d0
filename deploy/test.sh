#!/usr/bin/env bash
# Installs what is missing, builds the `asan` preset (debug, -Werror, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs every test under it. One sanitized build instead of a plain
# one plus a sanitized one: the suite is the same and CI stays well under half an hour on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
cmake --preset asan
cmake --build --preset asan
ctest --preset asan
