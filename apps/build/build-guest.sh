#!/usr/bin/env bash
# Builds one guest of the app as a WASI preview 1 reactor core module, its canonical ABI glue
# generated from apps/wit (orchestrator/bindgen, `bindgen guests`):
#
#   build-guest.sh <source> [compiler arguments...] <output.wasm>
#
# with, in the environment (apps/build.sh sets them from apps/build/guests.tsv):
#   GUEST_LANGUAGE   c | rust | assemblyscript
#   GUEST_WORLD      the world the guest implements, e.g. pricing-component
#   GUEST_BINDINGS   the generated bindings (apps/target/bindings after a build of the app)

# <source> (relative to the repository root, or absolute) is, for c, a directory of .c files; for
# rust, the crate root; for assemblyscript, a directory holding index.ts. The module exports exactly memory, _initialize (the WASI reactor
# entry) and the functions $GUEST_BINDINGS/exports/<world>.txt lists.
#
# Rust: the generated `bindings` crate is compiled once into $GUEST_BINDINGS/rust and linked into
# every Rust guest; so is the guests' shared crate (apps/shared/rust) for a guest whose compiler
# arguments ask for it with `--extern shared`. rustc 1.63's cdylib would add
# __heap_base/__data_end exports and per-call constructor wrappers, so a guest is compiled as a
# static library and linked by clang as a reactor.
#
# No -O at link time: given -O2, clang runs `wasm-opt -O2` itself, whose inliner folds every
# function with a single caller into it. That made the orchestrator's handle-request 12.6 KB of
# wasm; Chicory turns each wasm function into one JVM method, and HotSpot's C2 never compiles
# methods that large, so the hottest code ran at C1's lowest tier. The guests link without -O and
# wasm-opt runs every other -O2 pass but no single-caller inlining.
set -euo pipefail

usage="usage: GUEST_LANGUAGE=c|rust|assemblyscript GUEST_WORLD=<world> GUEST_BINDINGS=<dir> build-guest.sh <source> [compiler arguments...] <output.wasm>"
[ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
language=${GUEST_LANGUAGE:?$usage}
world=${GUEST_WORLD:?$usage}
bindings=${GUEST_BINDINGS:?$usage}
output=${*: -1}
extra=("${@:2:$#-2}")
apps=$(cd "$(dirname "$0")/.." && pwd)
root=$(dirname "$apps")
case "$1" in
  /*) source=$1 ;;
  *) source=$root/$1 ;;
esac

fail() {
  echo "build-guest ($world, $language): $*" >&2
  exit 1
}

[ -e "$source" ] || fail "$source does not exist"
exports_file="$bindings/exports/$world.txt"
[ -f "$exports_file" ] || fail "$exports_file is missing: generate the bindings first (apps/build.sh does)"
link_exports=()
while read -r name; do
  [ -n "$name" ] && link_exports+=("-Wl,--export=$name")
done < "$exports_file"

need() {
  command -v "$1" >/dev/null || fail "$1 not found (Debian: $2)"
}

optimize() {
  need wasm-opt binaryen
  wasm-opt -O2 --one-caller-inline-max-function-size=0 "$1" -o "$1"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$output")"

# rustc_lib <name> <crate root> [rustc arguments...]: compiles an rlib into $bindings/rust once,
# again only when a source is newer than it.
rustc_lib() {
  local name=$1 crate=$2
  shift 2
  local lib="$bindings/rust/lib$name.rlib"
  if [ ! -f "$lib" ] || [ -n "$(find "$(dirname "$crate")" "$bindings/rust/bindings.rs" -name '*.rs' -newer "$lib" 2>/dev/null)" ]; then
    /usr/bin/rustc --edition 2021 --target wasm32-wasi --crate-type rlib --crate-name "$name" -O -C panic=abort \
      -D warnings "$@" "$crate" -o "$lib.tmp"
    mv "$lib.tmp" "$lib"
  fi
}

case "$language" in
  rust)
    [ -x /usr/bin/rustc ] || fail "/usr/bin/rustc not found (Debian: rustc libstd-rust-dev-wasm32)"
    [ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-wasi" ] ||
      fail "rustc has no wasm32-wasi std (Debian: libstd-rust-dev-wasm32)"
    need clang "clang lld wasi-libc"
    libs="$bindings/rust"
    rustc_lib bindings "$libs/bindings.rs"
    for ((i = 0; i + 1 < ${#extra[@]}; i++)); do
      if [ "${extra[$i]}" = --extern ] && [ "${extra[$((i + 1))]}" = shared ]; then
        rustc_lib shared "$apps/shared/rust/lib.rs" --extern bindings="$libs/libbindings.rlib"
      fi
    done
    /usr/bin/rustc --edition 2021 --target wasm32-wasi --crate-type staticlib --crate-name guest -O -C panic=abort \
      -D warnings --extern bindings="$libs/libbindings.rlib" -L "$libs" "${extra[@]}" "$source" \
      -o "$work/guest.a"
    clang --target=wasm32-wasi -mexec-model=reactor -Wl,--gc-sections -Wl,--strip-all \
      "${link_exports[@]}" "$work/guest.a" -o "$output"
    optimize "$output"
    ;;
  c)
    need clang "clang lld wasi-libc"
    glue="$bindings/c/$world"
    [ -d "$source" ] || fail "$source: a C guest's source is a directory of .c files"
    for c in "$source"/*.c "$glue/bindings.c"; do
      clang --target=wasm32-wasi -std=c11 -O2 -Wall -Wextra -Werror -I "$glue" "${extra[@]}" \
        -c "$c" -o "$work/$(basename "$(dirname "$c")")-$(basename "$c" .c).o"
    done
    # The glue names its exports with export_name attributes (the symbols have C names).
    clang --target=wasm32-wasi -mexec-model=reactor -Wl,--strip-debug "$work"/*.o -o "$output"
    optimize "$output"
    ;;
  assemblyscript)
    asc="$root/node_modules/.bin/asc"
    [ -x "$asc" ] || fail "$asc not found (run ./run setup to install the npm packages)"
    need node "nodejs"
    glue="$bindings/assemblyscript/$world"
    [ -f "$source/index.ts" ] || fail "$source: an AssemblyScript guest's source is a directory holding index.ts"
    # The generated glue and the guest's sources side by side: exports.ts (the entry) imports the
    # guest's index.ts, which imports the types from ./bindings.
    cp -r "$source"/. "$work/"
    cp "$glue"/*.ts "$work/"
    # The minimal runtime never collects by itself (post-return does); abort is replaced so the
    # module imports nothing outside the world and WASI.
    (cd "$work" && "$asc" exports.ts -o plain.wasm --runtime minimal -Os --use abort=bindings/abort "${extra[@]}")
    # AssemblyScript cannot spell export names such as `ns:pkg/iface@1.0.0#func`: the glue exports
    # plain names and renames.txt maps them.
    mapfile -t renames < "$glue/renames.txt"
    node "$apps/build/rename-exports.mjs" "$work/plain.wasm" "$output" "${renames[@]}"
    ;;
  *) fail "unknown language '$language' (c, rust, assemblyscript)" ;;
esac
