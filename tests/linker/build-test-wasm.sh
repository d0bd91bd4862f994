#!/usr/bin/env bash
# Builds the test modules of this suite from source into target/test-wasm (never committed):
# WAT with wabt's wat2wasm, C with clang for wasm32-wasi as reactor modules.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")"
out=target/test-wasm
mkdir -p "$out"
for wat in src/test/wat/*.wat; do
  wat2wasm --enable-all "$wat" -o "$out/$(basename "${wat%.wat}").wasm"
done
for c in src/test/c/*.c; do
  clang --target=wasm32-wasi -O2 -nostartfiles -mexec-model=reactor \
    -Wl,--no-entry -Wl,--export-dynamic -o "$out/$(basename "${c%.c}").wasm" "$c"
done
