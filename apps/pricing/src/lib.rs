//! The pricing component: `acme:pricing/pricing@0.1.0#price` as a WASI preview 1 reactor.
//!
//! `pricing` holds the rules; the canonical ABI (lifting the order, lowering the result, freeing
//! it at post-return) is the generated `bindings` crate.

mod pricing;

use bindings::acme::orders::types::Step;
use bindings::acme::pricing::pricing::{Guest, Order, PricedOrder, Rejection};

struct Pricing;

impl Guest for Pricing {
    fn price(order: Order) -> Result<PricedOrder, Rejection> {
        pricing::price(order).map_err(|problems| Rejection { step: Step::Price, problems })
    }
}

bindings::export_pricing_component!(Pricing);
