#include <stdlib.h>
#include <string.h>

#include "cabi.h"

static void **live;
static uint32_t live_count;
static uint32_t live_capacity;

/* malloc in wasi-libc aligns to 16, more than any canonical ABI alignment (at most 8). */
void *galloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (p == NULL) abort();
    if (live_count == live_capacity) {
        live_capacity = live_capacity ? live_capacity * 2 : 64;
        live = realloc(live, live_capacity * sizeof(void *));
        if (live == NULL) abort();
    }
    live[live_count++] = p;
    return p;
}

void release_all(void) {
    for (uint32_t i = 0; i < live_count; i++) free(live[i]);
    live_count = 0;
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    (void) align;
    void *p = galloc(new_size);
    if (old_ptr != NULL) memcpy(p, old_ptr, old_size < new_size ? old_size : new_size);
    return p;
}

uint32_t utf8_next(const uint8_t *s, uint32_t *i) {
    uint8_t b = s[*i];
    uint32_t cp, n;
    if (b < 0x80) { cp = b; n = 1; }
    else if (b < 0xE0) { cp = b & 0x1F; n = 2; }
    else if (b < 0xF0) { cp = b & 0x0F; n = 3; }
    else { cp = b & 0x07; n = 4; }
    for (uint32_t k = 1; k < n; k++) cp = (cp << 6) | (s[*i + k] & 0x3F);
    *i += n;
    return cp;
}

uint32_t utf8_put(uint32_t cp, uint8_t *out) {
    if (cp < 0x80) { out[0] = (uint8_t) cp; return 1; }
    if (cp < 0x800) { out[0] = 0xC0 | (cp >> 6); out[1] = 0x80 | (cp & 0x3F); return 2; }
    if (cp < 0x10000) {
        out[0] = 0xE0 | (cp >> 12); out[1] = 0x80 | ((cp >> 6) & 0x3F); out[2] = 0x80 | (cp & 0x3F);
        return 3;
    }
    out[0] = 0xF0 | (cp >> 18); out[1] = 0x80 | ((cp >> 12) & 0x3F);
    out[2] = 0x80 | ((cp >> 6) & 0x3F); out[3] = 0x80 | (cp & 0x3F);
    return 4;
}

str_t str_reverse(str_t s) {
    str_t r = { galloc(s.len), s.len };
    uint32_t i = 0;
    while (i < s.len) {
        uint32_t start = i;
        utf8_next(s.ptr, &i);
        memcpy(r.ptr + (s.len - i), s.ptr + start, i - start);
    }
    return r;
}

uint32_t next_char(uint32_t c) {
    if (c == 0xD7FF) return 0xE000;
    if (c == 0x10FFFF) return 0;
    return c + 1;
}


uint32_t live_allocations(void) { return live_count; }
