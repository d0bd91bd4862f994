//! Guest code the Rust guests of the app share, compiled once per build into an rlib: the JSON
//! codec, the JSON form of the order records, the outcome of an order, HTTP answers and the Spin
//! imports with the messages the guests log or answer. The types and the canonical ABI come from
//! the bindings generated from apps/wit (crate `bindings`).

pub mod http;
pub mod json;
pub mod orders_json;
pub mod outcome;
pub mod spin;
