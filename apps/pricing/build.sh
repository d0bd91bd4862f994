#!/usr/bin/env bash
# Builds the pricing component (Rust, no crates) as a WASI preview 1 reactor core module.
# Usage: build.sh <output.wasm>
# Debian's rustc at /usr/bin/rustc carries the wasm32-wasi std; rustup's toolchain on PATH does not.
set -euo pipefail
out=${1:?usage: build.sh <output.wasm>}
src="$(cd "$(dirname "$0")" && pwd)/src"
rustc=${RUSTC_WASM:-/usr/bin/rustc}
[ -x "$rustc" ] || { echo "pricing: $rustc not found (Debian: rustc libstd-rust-dev-wasm32)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$rustc" --edition 2021 --target wasm32-wasi --crate-type cdylib --crate-name pricing \
  -C opt-level=s -C panic=abort -C strip=debuginfo -D warnings \
  -C link-arg="$(dirname "$rustc")/../lib/rustlib/wasm32-wasi/lib/self-contained/crt1-reactor.o" \
  --out-dir "$tmp" "$src/lib.rs"
cp "$tmp/pricing.wasm" "$out"
