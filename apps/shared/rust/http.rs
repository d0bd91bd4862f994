//! The HTTP answers of the guests that serve `fermyon:spin/inbound-http`.

use crate::json::Value;
use crate::orders_json::BodyError;
use bindings::fermyon::spin::http_types::Response;

/// A JSON answer.
pub fn json(status: u16, body: &Value) -> Response {
    Response {
        status,
        headers: Some(vec![("content-type".to_string(), "application/json".to_string())]),
        body: Some(body.to_json().into_bytes()),
    }
}

/// An error answer: `{"error": kind, "reason": reason}`.
pub fn error(status: u16, kind: &str, reason: &str) -> Response {
    json(status, &Value::object(vec![("error", Value::text(kind)), ("reason", Value::text(reason))]))
}

/// 400 for a body that is not an order, saying where and why.
pub fn bad_request(error: &BodyError) -> Response {
    match error {
        BodyError::NotJson(parse) => self::error(400, "not-json", &parse.to_string()),
        BodyError::Malformed { field, reason } => json(
            400,
            &Value::object(vec![
                ("error", Value::text("malformed-order")),
                ("field", Value::text(field)),
                ("reason", Value::text(reason)),
            ]),
        ),
    }
}

pub fn method_not_allowed() -> Response {
    let mut response = error(405, "method-not-allowed", "only POST is supported");
    if let Some(headers) = response.headers.as_mut() {
        headers.push(("allow".to_string(), "POST".to_string()));
    }
    response
}
