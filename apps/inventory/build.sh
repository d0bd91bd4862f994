#!/usr/bin/env bash
# Builds the inventory component (AssemblyScript) as a core module with canonical ABI export names.
# Usage: build.sh <output.wasm>
set -euo pipefail
out=${1:?usage: build.sh <output.wasm>}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
asc="$root/node_modules/.bin/asc"
[ -x "$asc" ] || { echo "inventory: $asc not found (run ./run setup to install the npm packages)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# minimal runtime: no automatic GC, post-return collects; abort is replaced so nothing imports env.
(cd "$here" && "$asc" assembly/index.ts -o "$tmp/plain.wasm" --runtime minimal -Os \
  --use abort=assembly/abi/abort)
node "$root/apps/build/rename-exports.mjs" "$tmp/plain.wasm" "$out" \
  'reserve=acme:inventory/inventory@0.1.0#reserve' \
  'cabi_post_reserve=cabi_post_acme:inventory/inventory@0.1.0#reserve'
