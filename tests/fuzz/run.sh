#!/usr/bin/env bash
# Usage: tests/fuzz/run.sh SECONDS
# Builds the libFuzzer targets (preset `fuzz`, clang) and runs each for SECONDS on a copy of its
# seed corpus and saved regressions. A crash, leak, timeout or out-of-memory input is copied to
# tests/fuzz/regressions/<corpus>/ (replayed from then on by the ticket unit tests) and the script
# exits non-zero. Set EINLASS_FUZZ_BUILD_DIR to build elsewhere than build/fuzz.
set -euo pipefail

seconds=${1:?usage: tests/fuzz/run.sh SECONDS}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "run.sh: SECONDS must be a whole number" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${EINLASS_FUZZ_BUILD_DIR:-$root/build/fuzz}

cmake --preset fuzz -S "$root" -B "$build" >/dev/null
list="$build/tests/fuzz/fuzz_targets.txt"
mapfile -t entries < "$list"
targets=()
for entry in "${entries[@]}"; do targets+=("${entry%% *}"); done
cmake --build "$build" --target "${targets[@]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/einlass-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT

failed=0
for entry in "${entries[@]}"; do
  target=${entry%% *}
  corpus=${entry##* }
  seeds="$work/$target/corpus"
  artifacts="$work/$target/artifacts"
  mkdir -p "$seeds" "$artifacts"
  # Copies, so that what libFuzzer adds to its corpus never lands in the repository.
  cp -r "$here/corpus/$corpus/." "$seeds/"
  if [[ -d $here/regressions/$corpus ]]; then
    find "$here/regressions/$corpus" -maxdepth 1 -type f ! -name 'README*' -exec cp {} "$seeds/" \;
  fi
  dict=()
  [[ -f $here/$corpus.dict ]] && dict=("-dict=$here/$corpus.dict")

  echo "== $target: ${seconds}s"
  status=0
  "$build/tests/fuzz/$target" "$seeds" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 \
    >"$work/$target/log" 2>&1 || status=$?
  tail -n 12 "$work/$target/log"

  shopt -s nullglob
  found=("$artifacts"/*)
  shopt -u nullglob
  if ((status != 0 || ${#found[@]} > 0)); then
    failed=1
    mkdir -p "$here/regressions/$corpus"
    for file in "${found[@]}"; do
      cp "$file" "$here/regressions/$corpus/"
      echo "$target: saved $(basename "$file") to tests/fuzz/regressions/$corpus/" >&2
    done
    echo "$target: FAILED (exit $status); full log below" >&2
    grep -v '^#[0-9]' "$work/$target/log" | tail -n 60 >&2
  fi
done
exit $failed
