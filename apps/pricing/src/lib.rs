//! The pricing component: `acme:orders/pricing@0.1.0#price` as a WASI preview 1 reactor.
//!
//! `pricing` holds the rules on plain Rust types; `abi` is the hand-written canonical ABI glue
//! that lifts the flattened order and lowers the `result<priced-order, rejection>`.

mod abi;
mod pricing;
