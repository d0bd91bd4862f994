//! A hops-wiring relay: takes a message from its Redis channel, calls its step through the
//! step's contract (`acme:validation`, `acme:pricing` or `acme:inventory`) and publishes the result to the next channel, or the order-rejected
//! event to the events channel. One source, built once per step with `--cfg step="..."`:
//!   validate: order -> validate -> order on `next_channel`       (world validation-relay)
//!   price:    order -> price    -> priced order on `next_channel` (world pricing-relay)
//!   reserve:  priced order -> reserve -> order-completed event on `events_channel` (world inventory-relay)

// Each step's build uses part of the shared message codec and ABI glue.
#![allow(dead_code)]

#[path = "../../orchestrator/guest/common/abi.rs"]
mod abi;
#[path = "../../orchestrator/guest/common/json.rs"]
mod json;
#[path = "../../orchestrator/guest/common/orders.rs"]
mod orders;
#[path = "../../orchestrator/guest/common/orders_abi.rs"]
mod orders_abi;
#[path = "../../orchestrator/guest/common/orders_imports.rs"]
mod orders_imports;
#[path = "../../orchestrator/guest/common/orders_json.rs"]
mod orders_json;
#[path = "../../orchestrator/guest/common/outcome.rs"]
mod outcome;
#[path = "../../orchestrator/guest/common/redis_trigger.rs"]
mod redis_trigger;
#[path = "../../orchestrator/guest/common/spin_config.rs"]
mod spin_config;
#[path = "../../orchestrator/guest/common/spin_redis.rs"]
mod spin_redis;

use json::Value;
use outcome::Outcome;

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
    fn to_next_step(message: Value) -> Next {
        Next { channel_variable: "next_channel", message }
    }

    fn to_events(outcome: Outcome) -> Next {
        Next { channel_variable: "events_channel", message: outcome.event() }
    }
}

pub fn handle_message(message: Vec<u8>) -> Result<(), ()> {
    // Spin logs a component's stderr and the error result; that is where a failed hop shows up.
    relay(&message).map_err(|reason| eprintln!("{} relay: {}", STEP, reason))
}

fn relay(message: &[u8]) -> Result<(), String> {
    let redis_address = spin_config::get("redis_address")?;
    let next = run_step(message)?;
    let channel = spin_config::get(next.channel_variable)?;
    spin_redis::publish(&redis_address, &channel, next.message.to_json().as_bytes())
}

#[cfg(step = "validate")]
fn run_step(message: &[u8]) -> Result<Next, String> {
    let order = orders_json::order_from_json(message).map_err(|e| format!("the message is not an order: {}", e))?;
    Ok(match orders_imports::validate(&order) {
        Ok(valid) => Next::to_next_step(orders_json::order_to_json(&valid)),
        Err(rejection) => Next::to_events(Outcome::Rejected { order_id: order.id, rejection }),
    })
}

#[cfg(step = "price")]
fn run_step(message: &[u8]) -> Result<Next, String> {
    let order = orders_json::order_from_json(message).map_err(|e| format!("the message is not an order: {}", e))?;
    Ok(match orders_imports::price(&order) {
        Ok(priced) => Next::to_next_step(orders_json::priced_order_to_json(&priced)),
        Err(rejection) => Next::to_events(Outcome::Rejected { order_id: order.id, rejection }),
    })
}

#[cfg(step = "reserve")]
fn run_step(message: &[u8]) -> Result<Next, String> {
    let priced =
        orders_json::priced_order_from_json(message).map_err(|e| format!("the message is not a priced order: {}", e))?;
    Ok(match orders_imports::reserve(&priced) {
        Ok(reservation) => Next::to_events(Outcome::Completed { priced, reservation }),
        Err(rejection) => Next::to_events(Outcome::Rejected { order_id: priced.order_id, rejection }),
    })
}
