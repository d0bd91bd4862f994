#!/usr/bin/env bash
# Builds the conformance guests from source, once per world (one C file per world in src/test/c):
#   <out>/<world>.wasm                    the core module (clang, WASI preview 1 reactor) Chicory runs
#   <out>/<world>.component.wasm          the same module as a component (the apps build's componentize.mjs:
#                                         jco's componentEmbed + componentNew, checked against the world)
#   <out>/js/<world>/<world>.js           that component transpiled by `jco transpile`, run on Node
# A missing tool is an error: the conformance suite must not pass without both hosts.
set -euo pipefail

out=${1:?usage: build-guests.sh <output dir>}
test_dir=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$test_dir/../../../.." && pwd)
jco="$root/node_modules/.bin/jco"

for tool in clang node; do
  command -v "$tool" >/dev/null || { echo "build-guests: $tool is not installed (./run setup installs it)" >&2; exit 1; }
done
[ -x "$jco" ] || { echo "build-guests: $jco is missing; run ./run setup (npm ci) first" >&2; exit 1; }

mkdir -p "$out/js"
for source in "$test_dir"/c/*.c; do
  world=$(basename "$source" .c)
  [ "$world" = cabi ] && continue
  # A relay world imports the interfaces its -echo twin exports: the transpiled relay imports them
  # from the transpiled twin, as the Chicory side links the relay to the twin's core module.
  transpile_options=()
  case "$world" in
    misbehaving-relay) transpile_options=(--map "conformance:echo/*=../misbehaving-guest/misbehaving-guest.js#*") ;;
    *-relay) transpile_options=(--map "conformance:echo/*=../${world%-relay}-echo/${world%-relay}-echo.js#*") ;;
  esac
  clang --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror \
    -o "$out/$world.wasm" "$source" "$test_dir/c/cabi.c"
  node "$root/apps/build/componentize.mjs" "$test_dir/wit" "$world" "$out/$world.wasm" "$out/$world.component.wasm"
  rm -rf "$out/js/$world"
  "$jco" transpile "$out/$world.component.wasm" --name "$world" -o "$out/js/$world" --quiet "${transpile_options[@]}"
done
