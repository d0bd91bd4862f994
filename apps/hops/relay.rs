//! A hops-wiring relay: takes a message from its Redis channel, calls its step through the
//! step's contract (`acme:validation`, `acme:pricing` or `acme:inventory`) and publishes the result to the next channel, or the order-rejected
//! event to the events channel. One source, built once per step with `--cfg step="..."`:
//!   validate: order -> validate -> order on `next_channel`       (world validation-relay)
//!   price:    order -> price    -> priced order on `next_channel` (world pricing-relay)
//!   reserve:  priced order -> reserve -> order-completed event on `events_channel` (world inventory-relay)

use bindings::fermyon::spin::inbound_redis::{Error, Guest};
use shared::json::Value;
use shared::outcome::Outcome;
use shared::{orders_json, spin};

#[cfg(step = "validate")]
const STEP: &str = "validate";
#[cfg(step = "price")]
const STEP: &str = "price";
#[cfg(step = "reserve")]
const STEP: &str = "reserve";

/// The message to publish once the step has run.
struct Next {
    /// A Spin variable naming the channel: `next_channel` or `events_channel`.
    channel_variable: &'static str,
    message: Value,
}

impl Next {
    /// The reserve relay publishes events only.
    #[cfg(any(step = "validate", step = "price"))]
    fn to_next_step(message: Value) -> Next {
        Next { channel_variable: "next_channel", message }
    }

    fn to_events(outcome: Outcome) -> Next {
        Next { channel_variable: "events_channel", message: outcome.event() }
    }
}

struct Relay;

impl Guest for Relay {
    fn handle_message(message: Vec<u8>) -> Result<(), Error> {
        // Spin logs a component's stderr and the error result; that is where a failed hop shows up.
        relay(&message).map_err(|reason| {
            eprintln!("{} relay: {}", STEP, reason);
            Error::Error
        })
    }
}

#[cfg(step = "validate")]
bindings::export_validation_relay!(Relay);
#[cfg(step = "price")]
bindings::export_pricing_relay!(Relay);
#[cfg(step = "reserve")]
bindings::export_inventory_relay!(Relay);

fn relay(message: &[u8]) -> Result<(), String> {
    let redis_address = spin::variable("redis_address")?;
    let next = run_step(message)?;
    let channel = spin::variable(next.channel_variable)?;
    spin::publish(&redis_address, &channel, next.message.to_json().as_bytes())
}

#[cfg(step = "validate")]
fn run_step(message: &[u8]) -> Result<Next, String> {
    let order = orders_json::order_from_json(message).map_err(|e| format!("the message is not an order: {}", e))?;
    Ok(match bindings::acme::validation::validation::validate(&order) {
        Ok(valid) => Next::to_next_step(orders_json::order_to_json(&valid)),
        Err(rejection) => Next::to_events(Outcome::Rejected { order_id: order.id, rejection }),
    })
}

#[cfg(step = "price")]
fn run_step(message: &[u8]) -> Result<Next, String> {
    let order = orders_json::order_from_json(message).map_err(|e| format!("the message is not an order: {}", e))?;
    Ok(match bindings::acme::pricing::pricing::price(&order) {
        Ok(priced) => Next::to_next_step(orders_json::priced_order_to_json(&priced)),
        Err(rejection) => Next::to_events(Outcome::Rejected { order_id: order.id, rejection }),
    })
}

#[cfg(step = "reserve")]
fn run_step(message: &[u8]) -> Result<Next, String> {
    let priced =
        orders_json::priced_order_from_json(message).map_err(|e| format!("the message is not a priced order: {}", e))?;
    Ok(match bindings::acme::inventory::inventory::reserve(&priced) {
        Ok(reservation) => Next::to_events(Outcome::Completed { priced, reservation }),
        Err(rejection) => Next::to_events(Outcome::Rejected { order_id: priced.order_id, rejection }),
    })
}
