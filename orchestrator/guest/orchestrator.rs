//! The orchestrator guest: the reduced-hops wiring. `POST /orders` runs validate -> price ->
//! reserve in-process through the imported step contracts (`acme:validation`, `acme:pricing`,
//! `acme:inventory`), answers with the outcome and publishes it as an event to Redis. World
//! `acme:orders-app/orchestrator@0.1.0`; the canonical ABI is the generated `bindings` crate.

use bindings::acme::inventory::inventory;
use bindings::acme::orders::types::Order;
use bindings::acme::pricing::pricing;
use bindings::acme::validation::validation;
use bindings::fermyon::spin::inbound_http::{Guest, Request, Response};
use bindings::fermyon::spin::http_types::Method;
use shared::json::Value;
use shared::outcome::Outcome;
use shared::{http, orders_json, spin};

/// Where the final event goes, read from the component's Spin variables on every request.
struct EventTarget {
    redis_address: String,
    channel: String,
}

impl EventTarget {
    fn from_variables() -> Result<EventTarget, String> {
        Ok(EventTarget { redis_address: spin::variable("redis_address")?, channel: spin::variable("events_channel")? })
    }
}

struct Orchestrator;

impl Guest for Orchestrator {
    fn handle_request(request: Request) -> Response {
        if request.method != Method::Post {
            return http::method_not_allowed();
        }
        // Configuration first: an order is only processed when its event can be addressed.
        let target = match EventTarget::from_variables() {
            Ok(target) => target,
            Err(reason) => return http::error(500, "configuration", &reason),
        };
        let order = match orders_json::order_from_json(request.body.as_deref().unwrap_or_default()) {
            Ok(order) => order,
            Err(error) => return http::bad_request(&error),
        };
        let outcome = run(order);
        let event = outcome.event();
        match spin::publish(&target.redis_address, &target.channel, event.to_json().as_bytes()) {
            Ok(()) => http::json(outcome.status(), &outcome.body()),
            // The order went through its steps (stock may be reserved): the caller gets the event it
            // missed, so nothing is lost silently and nobody retries blindly.
            Err(reason) => http::json(
                502,
                &Value::object(vec![
                    ("error", Value::text("event-not-published")),
                    ("reason", Value::text(&format!("the order was processed but its event was not published: {}", reason))),
                    ("event", event),
                ]),
            ),
        }
    }
}

bindings::export_orchestrator!(Orchestrator);

fn run(order: Order) -> Outcome {
    let valid = match validation::validate(&order) {
        Ok(valid) => valid,
        Err(rejection) => return Outcome::Rejected { order_id: order.id, rejection },
    };
    let priced = match pricing::price(&valid) {
        Ok(priced) => priced,
        Err(rejection) => return Outcome::Rejected { order_id: valid.id, rejection },
    };
    // A step between pricing and the reservation goes here (apps/README.md, "Adding a step").
    match inventory::reserve(&priced) {
        Ok(reservation) => Outcome::Completed { priced, reservation },
        Err(rejection) => Outcome::Rejected { order_id: priced.order_id, rejection },
    }
}
