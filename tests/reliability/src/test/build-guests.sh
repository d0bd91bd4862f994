#!/usr/bin/env bash
# Builds the reliability suite's misbehaving guests: every src/test/wat/*.wat with wat2wasm and
# every src/test/c/*.c with clang for wasm32-wasi (a reactor), into the given output directory.
set -euo pipefail
shopt -s nullglob
src="$1"
out="$2"
mkdir -p "$out"
for tool in wat2wasm clang; do
  command -v "$tool" >/dev/null || { echo "build-guests.sh: $tool is not installed (./run setup installs it)" >&2; exit 1; }
done
for wat in "$src"/wat/*.wat; do
  wat2wasm "$wat" -o "$out/$(basename "${wat%.wat}").wasm"
done
for c in "$src"/c/*.c; do
  clang --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Werror -o "$out/$(basename "${c%.c}").wasm" "$c"
done
