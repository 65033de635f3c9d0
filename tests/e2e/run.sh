#!/usr/bin/env bash
# run.sh TEST_FILE [ARGS...]: runs one browser test file with node (node:test), after installing
# the pinned node modules (package-lock.json) when they are missing or older than the lock file.
# Artifacts (screenshots of failures) go to $EINLASS_E2E_ARTIFACTS.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -lt 1 ]]; then
  echo "usage: run.sh TEST_FILE [ARGS...]" >&2
  exit 2
fi
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "run.sh: node and npm are needed (deploy/install-deps.sh installs them)" >&2
  exit 1
fi
export EINLASS_CHROMIUM="${EINLASS_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$EINLASS_CHROMIUM" ]]; then
  echo "run.sh: no chromium at $EINLASS_CHROMIUM (apt-get install chromium)" >&2
  exit 1
fi

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json
# means the pinned versions changed since.
modules_stale() {
  local installed="$here/node_modules/.package-lock.json"
  [[ ! -f "$installed" || ! -f "$here/node_modules/playwright-core/package.json" ||
     "$here/package-lock.json" -nt "$installed" ]]
}
if modules_stale; then
  # Several build directories may run their tests at once against this one source tree.
  exec 9< "$here/package-lock.json"
  flock 9
  if modules_stale; then
    echo "run.sh: installing the pinned node modules (npm ci)" >&2
    (cd "$here" && npm ci --no-audit --no-fund >&2)
  fi
  flock -u 9
  exec 9<&-
fi

test_file="$1"
shift
exec node "$test_file" "$@"
