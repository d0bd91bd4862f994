#!/usr/bin/env bash
# Builds one hops-wiring guest core module:
#   build.sh hops-ingress|validation-relay|pricing-relay|inventory-relay <output.wasm>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build_guest="$here/../../orchestrator/guest/common/build-guest.sh"
usage="usage: build.sh hops-ingress|validation-relay|pricing-relay|inventory-relay <output.wasm>"
guest=${1:?$usage}
output=${2:?$usage}

relay() {
  "$build_guest" "$here/relay.rs" "$output" \
    cabi_realloc 'fermyon:spin/inbound-redis#handle-message' -- --cfg "step=\"$1\""
}

case "$guest" in
  hops-ingress)
    "$build_guest" "$here/ingress.rs" "$output" \
      cabi_realloc \
      'fermyon:spin/inbound-http#handle-request' \
      'cabi_post_fermyon:spin/inbound-http#handle-request'
    ;;
  validation-relay) relay validate ;;
  pricing-relay) relay price ;;
  inventory-relay) relay reserve ;;
  *)
    echo "build.sh: unknown hops guest '$guest' (hops-ingress, validation-relay, pricing-relay, inventory-relay)" >&2
    exit 2
    ;;
esac
