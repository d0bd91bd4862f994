#!/usr/bin/env bash
# Optimizes a linked guest core module in place with binaryen: optimize.sh <module.wasm>
# Why not let clang do it: given -O2 at link time, clang runs `wasm-opt -O2` itself, whose inliner
# folds every function with a single caller into it. That made the orchestrator's handle-request
# 12.6 KB of wasm and pricing's price 7.5 KB; Chicory turns each wasm function into one JVM method,
# and HotSpot's C2 never compiles methods that large (over 8000 bytes of bytecode, or out of
# registers), so the hottest code ran at C1's lowest tier. Here the guests link without -O and
# wasm-opt runs with every other -O2 pass but no single-caller inlining.
set -euo pipefail
module=${1:?usage: optimize.sh <module.wasm>}
command -v wasm-opt >/dev/null || { echo "optimize: wasm-opt not found (Debian: binaryen)" >&2; exit 1; }
wasm-opt -O2 --one-caller-inline-max-function-size=0 "$module" -o "$module"
