/*
 * The guest side of the canonical ABI, written by hand (no wit-bindgen here): an allocator the
 * host calls to place arguments in guest memory, and helpers the test modules share.
 *
 * Every allocation made during a call (arguments lowered by the host through cabi_realloc, and
 * results built by the guest) is logged and freed by the function's cabi_post_* export, so a host
 * that forgets post-return is visible through text.pending-allocations.
 */
#ifndef CONFORMANCE_CABI_H
#define CONFORMANCE_CABI_H

#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define FUNC(iface, fn) "conformance:echo/" iface "@0.1.0#" fn
#define POST(iface, fn) "cabi_post_conformance:echo/" iface "@0.1.0#" fn

typedef struct { uint8_t *ptr; uint32_t len; } str_t;

/* Allocates guest memory that lives until the current call's post-return. */
void *galloc(size_t size);
/* Frees everything allocated during the call; each cabi_post_* export calls it. */
void release_all(void);
uint32_t live_allocations(void);
/* Decodes the code point at s[*i] (the host guarantees valid UTF-8) and advances *i. */
uint32_t utf8_next(const uint8_t *s, uint32_t *i);
/* Encodes cp into out (room for 4 bytes) and returns the number of bytes written. */
uint32_t utf8_put(uint32_t cp, uint8_t *out);
/* A new string with the code points of s in reverse order. */
str_t str_reverse(str_t s);
/* The next Unicode scalar value: skips the surrogates, wraps after 0x10FFFF to 0. */
uint32_t next_char(uint32_t c);

#endif
