//! The orchestrator guest: the reduced-hops wiring. `POST /orders` runs validate -> price ->
//! reserve in-process through the imported step contracts (`acme:validation`, `acme:pricing`,
//! `acme:inventory`), answers with the outcome and publishes it as an event to Redis. World `acme:orders-app/orchestrator@0.1.0`.

// The ABI glue and the JSON codec also serve the hops guests and the pricing exporter; the
// orchestrator uses the importer's part.
#[allow(dead_code)]
#[path = "common/abi.rs"]
mod abi;
#[path = "common/json.rs"]
mod json;
#[path = "common/orders.rs"]
mod orders;
#[allow(dead_code)]
#[path = "common/orders_abi.rs"]
mod orders_abi;
#[path = "common/orders_imports.rs"]
mod orders_imports;
#[allow(dead_code)]
#[path = "common/orders_json.rs"]
mod orders_json;
#[path = "common/outcome.rs"]
mod outcome;
#[path = "common/spin_config.rs"]
mod spin_config;
#[path = "common/spin_http.rs"]
mod spin_http;
#[path = "common/spin_redis.rs"]
mod spin_redis;

use json::Value;
use orders::Order;
use outcome::Outcome;
use spin_http::{Method, Request, Response};

/// Where the final event goes, read from the component's Spin variables on every request.
struct EventTarget {
    redis_address: String,
    channel: String,
}

impl EventTarget {
    fn from_variables() -> Result<EventTarget, String> {
        Ok(EventTarget { redis_address: spin_config::get("redis_address")?, channel: spin_config::get("events_channel")? })
    }
}

pub fn handle(request: Request) -> Response {
    if request.method != Method::Post {
        return Response::method_not_allowed();
    }
    // Configuration first: an order is only processed when its event can be addressed.
    let target = match EventTarget::from_variables() {
        Ok(target) => target,
        Err(reason) => return Response::error(500, "configuration", &reason),
    };
    let order = match orders_json::order_from_json(&request.body) {
        Ok(order) => order,
        Err(error) => return Response::bad_request(&error),
    };
    let outcome = run(order);
    let event = outcome.event();
    match spin_redis::publish(&target.redis_address, &target.channel, event.to_json().as_bytes()) {
        Ok(()) => Response::json(outcome.status(), &outcome.body()),
        // The order went through its steps (stock may be reserved): the caller gets the event it
        // missed, so nothing is lost silently and nobody retries blindly.
        Err(reason) => Response::json(
            502,
            &Value::object(vec![
                ("error", Value::text("event-not-published")),
                ("reason", Value::text(&format!("the order was processed but its event was not published: {}", reason))),
                ("event", event),
            ]),
        ),
    }
}

fn run(order: Order) -> Outcome {
    let valid = match orders_imports::validate(&order) {
        Ok(valid) => valid,
        Err(rejection) => return Outcome::Rejected { order_id: order.id, rejection },
    };
    let priced = match orders_imports::price(&valid) {
        Ok(priced) => priced,
        Err(rejection) => return Outcome::Rejected { order_id: valid.id, rejection },
    };
    match orders_imports::reserve(&priced) {
        Ok(reservation) => Outcome::Completed { priced, reservation },
        Err(rejection) => Outcome::Rejected { order_id: priced.order_id, rejection },
    }
}
