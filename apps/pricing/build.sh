#!/usr/bin/env bash
# Builds the pricing component (Rust, no crates) as a WASI preview 1 reactor core module.
# Usage: build.sh <output.wasm>
# Debian's rustc at /usr/bin/rustc carries the wasm32-wasi std; rustup's toolchain on PATH does not.
# rustc 1.63's cdylib would export __heap_base/__data_end and wrap every export in constructor
# calls, so the crate is built as a static library and linked by clang as a WASI reactor that
# exports exactly memory, _initialize and the canonical ABI functions.
set -euo pipefail
out=${1:?usage: build.sh <output.wasm>}
src="$(cd "$(dirname "$0")" && pwd)/src"
rustc=/usr/bin/rustc
[ -x "$rustc" ] || { echo "pricing: $rustc not found (Debian: rustc libstd-rust-dev-wasm32)" >&2; exit 1; }
command -v clang >/dev/null || { echo "pricing: clang not found (Debian: clang lld wasi-libc)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$rustc" --edition 2021 --target wasm32-wasi --crate-type staticlib --crate-name pricing \
  -C opt-level=s -C panic=abort -D warnings -o "$tmp/pricing.a" "$src/lib.rs"
# No -O here: orchestrator/guest/common/optimize.sh says why.
clang --target=wasm32-wasi -mexec-model=reactor -Wl,--gc-sections -Wl,--strip-debug \
  -Wl,--export=cabi_realloc \
  '-Wl,--export=acme:pricing/pricing@0.1.0#price' \
  '-Wl,--export=cabi_post_acme:pricing/pricing@0.1.0#price' \
  -o "$out" "$tmp/pricing.a"
"$src/../../../orchestrator/guest/common/optimize.sh" "$out"
