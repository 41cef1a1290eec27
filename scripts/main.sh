#!/usr/bin/env bash
# weft's main job: build everything and run the tour of the ported examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target tour
