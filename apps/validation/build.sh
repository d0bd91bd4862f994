#!/usr/bin/env bash
# Builds the validation component (C) as a WASI preview 1 reactor core module.
# Usage: build.sh <output.wasm>
set -euo pipefail
out=${1:?usage: build.sh <output.wasm>}
src="$(cd "$(dirname "$0")" && pwd)/src"
command -v clang >/dev/null || { echo "validation: clang not found (Debian: clang lld wasi-libc)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in "$src"/*.c; do
  clang --target=wasm32-wasi -std=c11 -O2 -Wall -Wextra -Werror -c "$c" -o "$tmp/$(basename "$c" .c).o"
done
# Linked without -O: orchestrator/guest/common/optimize.sh says why.
clang --target=wasm32-wasi -mexec-model=reactor -Wl,--strip-debug -o "$out" "$tmp"/*.o
"$src/../../../orchestrator/guest/common/optimize.sh" "$out"
