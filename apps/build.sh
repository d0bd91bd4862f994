#!/usr/bin/env bash
# Builds the Spin app from source and lays out its OCI build context in apps/target/oci/.
#
#   apps/build.sh <java-classpath>
#
# The Maven build (apps/pom.xml) calls it with the apps module's classpath.
#   0. bindings   the guest glue of every world, generated from apps/wit (orchestrator/bindgen)
#                 -> apps/target/bindings (apps/build/build-guest.sh says how guests use it)
# Then for each guest of apps/build/guests.tsv (the pipeline contract is documented there):
#   1. core       <build script> [its arguments] <staging>/core/<name>.wasm
#   2. check      spin.toml by Spin's rules, every core module against its world, every triggered
#                 component's composition (dev.spinmixed.apps.StagedAppCheck, one JVM)
#   3. component  jco: embed the world's WIT, adapt WASI preview 1, check the component's WIT
#                 -> apps/target/oci/<name>.wasm
#   4. context    spin.toml (sources rewritten), Dockerfile, sizes.json (dev.spinmixed.apps.OciContext)
# Prints one line per step with its time, then the sizes. Fails naming the guest and step.
set -euo pipefail

apps=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$apps")
classpath=${1:?usage: apps/build.sh <java-classpath>}
# Everything is built in a staging directory of this run and moved into target/core and target/oci
# at the end, so tests reading the previous build (or another build running) never see a half-built app.
mkdir -p "$apps/target"
staging=$(mktemp -d "$apps/target/staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
core=$staging/core
oci=$staging/oci
bindings=$staging/bindings

fail() {
  echo "apps build: $*" >&2
  exit 1
}

command -v node >/dev/null || fail "node not found (Node.js 20+ is needed to componentize with jco)"
command -v java >/dev/null || fail "java not found"
[ -d "$root/node_modules/@bytecodealliance/jco" ] || fail "jco is not installed: run ./run setup"

now_ms() { date +%s%3N; }

# step <label> <command>...: runs the command, prints the label with its time, or fails naming it.
step() {
  local label=$1
  shift
  local start
  start=$(now_ms)
  "$@" || fail "$label failed"
  printf 'apps build: %-36s %6d ms\n' "$label" $(($(now_ms) - start))
}

guests=()
while IFS=$'\t' read -r name script world language; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [ -n "$language" ] || fail "apps/build/guests.tsv: line for '$name' needs 4 tab-separated fields"
  guests+=("$name|$script|$world|$language")
done < "$apps/build/guests.tsv"

mkdir -p "$core" "$oci"

step "bindings (guest glue from apps/wit)" \
  java -cp "$classpath" dev.spinmixed.bindgen.Bindgen guests "$apps/wit" "$bindings"

for guest in "${guests[@]}"; do
  IFS='|' read -r name script world language <<< "$guest"
  read -ra command <<< "$script"
  [ -x "$root/${command[0]}" ] || fail "$name: build script ${command[0]} is missing or not executable"
  step "core $name ($language)" env GUEST_LANGUAGE="$language" GUEST_WORLD="$world" GUEST_BINDINGS="$bindings" \
    "$root/${command[0]}" "${command[@]:1}" "$core/$name.wasm"
  [ -s "$core/$name.wasm" ] || fail "$name: $script wrote no module to $core/$name.wasm"
done

step "check contracts (Spin's rules)" \
  java -cp "$classpath" dev.spinmixed.apps.StagedAppCheck "$apps" "$staging"

for guest in "${guests[@]}"; do
  IFS='|' read -r name script world language <<< "$guest"
  step "component $name" node "$apps/build/componentize.mjs" "$apps/wit" "$world" "$core/$name.wasm" "$oci/$name.wasm"
done

step "OCI context" java -cp "$classpath" dev.spinmixed.apps.OciContext "$apps" "$staging"

printf 'apps build: %-16s %-16s %12s %12s\n' guest language "core bytes" "component"
for guest in "${guests[@]}"; do
  IFS='|' read -r name script world language <<< "$guest"
  printf 'apps build: %-16s %-16s %12d %12d\n' "$name" "$language" \
    "$(stat -c %s "$core/$name.wasm")" "$(stat -c %s "$oci/$name.wasm")"
done
context_bytes=$(find "$oci" -maxdepth 1 -type f ! -name sizes.json -printf '%s\n' | awk '{ s += $1 } END { print s }')
rm -rf "$apps/target/core" "$apps/target/oci" "$apps/target/bindings"
mv "$core" "$oci" "$bindings" "$apps/target/"
printf 'apps build: OCI context %s: %d bytes (sizes in %s)\n' "$apps/target/oci" "$context_bytes" \
  "$apps/target/oci/sizes.json"
