//! The pricing component: `acme:pricing/pricing@0.1.0#price` as a WASI preview 1 reactor.
//!
//! `pricing` holds the rules; `export` lifts the flattened order and lowers the
//! `result<priced-order, rejection>`. The records and their canonical ABI layouts are the ones
//! every Rust guest shares, in orchestrator/guest/common.

// The shared modules cover every record and both call directions; pricing uses the order, the
// priced order and the rejection, as an exporter.
#[allow(dead_code)]
#[path = "../../../orchestrator/guest/common/abi.rs"]
mod abi;
#[allow(dead_code)]
#[path = "../../../orchestrator/guest/common/orders.rs"]
mod orders;
#[allow(dead_code)]
#[path = "../../../orchestrator/guest/common/orders_abi.rs"]
mod orders_abi;

mod export;
mod pricing;
