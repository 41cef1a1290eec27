#!/usr/bin/env bash
# Builds weft and runs its whole test suite (unit + stress) in the dev preset.
#   scripts/test.sh [dev|asan|tsan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
