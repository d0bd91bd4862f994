#!/usr/bin/env bash
# Builds the validation component (C) as a WASI preview 1 reactor core module.
# Usage: build.sh <output.wasm>
set -euo pipefail
out=${1:?usage: build.sh <output.wasm>}
src="$(cd "$(dirname "$0")" && pwd)/src"
command -v clang >/dev/null || { echo "validation: clang not found (Debian: clang lld wasi-libc)" >&2; exit 1; }
clang --target=wasm32-wasi -mexec-model=reactor -std=c11 -O2 -Wall -Wextra -Werror \
  -Wl,--strip-debug -o "$out" "$src"/*.c
