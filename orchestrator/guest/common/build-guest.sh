#!/usr/bin/env bash
# Builds one Rust guest as a WASI preview 1 reactor core module.
#   build-guest.sh <crate-root.rs> <output.wasm> <export>... [-- <extra rustc args>...]
# rustc 1.63's cdylib would add __heap_base/__data_end exports and per-call constructor wrappers,
# so the crate is compiled as a static library and linked by clang as a reactor: the module then
# exports exactly `memory`, `_initialize` (the WASI reactor entry) and the listed functions.
set -euo pipefail

[ -x /usr/bin/rustc ] || { echo "build-guest: /usr/bin/rustc not found (Debian: rustc libstd-rust-dev-wasm32)" >&2; exit 1; }
command -v clang >/dev/null || { echo "build-guest: clang not found (Debian: clang lld wasi-libc)" >&2; exit 1; }
[ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-wasi" ] ||
  { echo "build-guest: rustc has no wasm32-wasi std (Debian: libstd-rust-dev-wasm32)" >&2; exit 1; }

source_file=${1:?usage: build-guest.sh <crate-root.rs> <output.wasm> <export>... [-- <rustc args>...]}
output=${2:?usage: build-guest.sh <crate-root.rs> <output.wasm> <export>... [-- <rustc args>...]}
shift 2
link_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  link_args+=("-Wl,--export=$1")
  shift
done
[ $# -gt 0 ] && shift
rustc_args=("$@")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/rustc --edition 2021 --target wasm32-wasi --crate-type staticlib -O -C panic=abort \
  -D warnings "${rustc_args[@]}" "$source_file" -o "$work/guest.a"
mkdir -p "$(dirname "$output")"
# No -O here: optimize.sh says why.
clang --target=wasm32-wasi -mexec-model=reactor -Wl,--gc-sections -Wl,--strip-all \
  "${link_args[@]}" "$work/guest.a" -o "$output"
"$(dirname "$0")/optimize.sh" "$output"
