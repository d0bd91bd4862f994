//! The exported `fermyon:spin/inbound-http` interface. The guest crate provides
//! `fn handle(request: Request) -> Response`.

use crate::abi::{self, release_call_memory};
use crate::json::Value;
use crate::orders::BodyError;

/// `http-types.method` discriminants.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
    Patch,
    Head,
    Options,
}

pub struct Request {
    pub method: Method,
    pub body: Vec<u8>,
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(status: u16, body: &Value) -> Response {
        Response {
            status,
            headers: vec![("content-type".to_string(), "application/json".to_string())],
            body: body.to_json().into_bytes(),
        }
    }

    /// An error answer: `{"error": kind, "reason": reason}`.
    pub fn error(status: u16, kind: &str, reason: &str) -> Response {
        Response::json(status, &Value::object(vec![("error", Value::text(kind)), ("reason", Value::text(reason))]))
    }

    /// 400 for a body that is not an order, saying where and why.
    pub fn bad_request(error: &BodyError) -> Response {
        match error {
            BodyError::NotJson(parse) => Response::error(400, "not-json", &parse.to_string()),
            BodyError::Malformed { field, reason } => Response::json(
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
        let mut response = Response::error(405, "method-not-allowed", "only POST is supported");
        response.headers.push(("allow".to_string(), "POST".to_string()));
        response
    }
}

/// The 28-byte `response` record the export returns a pointer to: status u16 @0; headers
/// option disc @4, ptr @8, len @12; body option disc @16, ptr @20, len @24.
static mut RESPONSE_AREA: [u32; 7] = [0; 7];

/// `handle-request: func(req: request) -> response`; the request flattens to 10 values
/// (method, uri, headers, params, body option).
#[export_name = "fermyon:spin/inbound-http#handle-request"]
pub unsafe extern "C" fn handle_request(
    method: i32, _uri_ptr: usize, _uri_len: usize, _headers_ptr: usize, _headers_len: usize, _params_ptr: usize,
    _params_len: usize, body_disc: i32, body_ptr: usize, body_len: usize,
) -> usize {
    let method = match method {
        0 => Method::Get,
        1 => Method::Post,
        2 => Method::Put,
        3 => Method::Delete,
        4 => Method::Patch,
        5 => Method::Head,
        6 => Method::Options,
        other => panic!("invalid http method discriminant {}", other),
    };
    let body = if body_disc == 1 { abi::bytes_at(body_ptr, body_len) } else { Vec::new() };
    release_call_memory();
    let response = crate::handle(Request { method, body });
    lower_response(&response)
}

/// Frees the lowered response once the host has read it.
#[export_name = "cabi_post_fermyon:spin/inbound-http#handle-request"]
pub extern "C" fn handle_request_post_return(_response: usize) {
    release_call_memory();
}

unsafe fn lower_response(response: &Response) -> usize {
    // Each header is a tuple<string, string>: 16 bytes, align 4.
    let headers = abi::allocate_call_memory(response.headers.len() * 16, 4);
    for (i, (name, value)) in response.headers.iter().enumerate() {
        let at = headers + i * 16;
        abi::store_u32(at, abi::copy_to_call_memory(name.as_bytes()) as u32);
        abi::store_u32(at + 4, name.len() as u32);
        abi::store_u32(at + 8, abi::copy_to_call_memory(value.as_bytes()) as u32);
        abi::store_u32(at + 12, value.len() as u32);
    }
    let body = abi::copy_to_call_memory(&response.body);
    let area = RESPONSE_AREA.as_mut_ptr() as usize;
    abi::store_u32(area, 0);
    abi::store_u16(area, response.status);
    abi::store_u32(area + 4, 1);
    abi::store_u32(area + 8, headers as u32);
    abi::store_u32(area + 12, response.headers.len() as u32);
    abi::store_u32(area + 16, 1);
    abi::store_u32(area + 20, body as u32);
    abi::store_u32(area + 24, response.body.len() as u32);
    area
}
