#!/usr/bin/env bash
# Builds the orchestrator guest core module (world acme:orders-app/orchestrator): build.sh <output.wasm>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/common/build-guest.sh" "$here/orchestrator.rs" "${1:?usage: build.sh <output.wasm>}" \
  cabi_realloc \
  'fermyon:spin/inbound-http#handle-request' \
  'cabi_post_fermyon:spin/inbound-http#handle-request'
