//! The Spin imports the guests use, with the messages they answer or log when one fails.

use bindings::fermyon::spin::config::{self, Error};
use bindings::fermyon::spin::redis;

/// The value of a Spin variable, or why it is not available.
pub fn variable(key: &str) -> Result<String, String> {
    config::get_config(key).map_err(|error| {
        let detail = match &error {
            Error::Provider(text) | Error::InvalidKey(text) | Error::InvalidSchema(text) | Error::Other(text) => text,
        };
        format!("Spin variable '{}' is not available ({}: {})", key, error.name(), detail)
    })
}

/// Publishes a message; `Err` names the channel (never the address, which may hold a password).
pub fn publish(address: &str, channel: &str, payload: &[u8]) -> Result<(), String> {
    redis::publish(address, channel, payload)
        .map_err(|_| format!("Redis refused or failed to publish to channel '{}'", channel))
}
