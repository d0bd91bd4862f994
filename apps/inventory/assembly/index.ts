// The inventory component, world acme:orders-app/inventory-component: exports
// `acme:inventory/inventory@0.1.0#reserve`. The rules are in inventory.ts; the canonical ABI is the
// glue generated from apps/wit (bindings.ts, and exports.ts, the module's entry, which calls this).
export { reserve } from "./inventory";
