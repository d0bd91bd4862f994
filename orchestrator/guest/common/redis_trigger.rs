//! The exported `fermyon:spin/inbound-redis` interface. The guest crate provides
//! `fn handle_message(message: Vec<u8>) -> Result<(), ()>`; an `Err` becomes the `error` case
//! of `redis-types.error`, which Spin logs.

use crate::abi;

/// The 2-byte `result<_, error>` the export returns a pointer to: disc @0, error enum @1.
static mut MESSAGE_RESULT: [u8; 2] = [0; 2];

#[export_name = "fermyon:spin/inbound-redis#handle-message"]
pub unsafe extern "C" fn handle_message(message_ptr: usize, message_len: usize) -> usize {
    let message = abi::take_bytes(message_ptr, message_len);
    MESSAGE_RESULT = match crate::handle_message(message) {
        Ok(()) => [0, 0],
        Err(()) => [1, 1],
    };
    MESSAGE_RESULT.as_ptr() as usize
}
