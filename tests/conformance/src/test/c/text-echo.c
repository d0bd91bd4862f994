/* World conformance:echo/text-echo: strings and lists passed as (pointer, length) pairs. */
#include "cabi.h"

#define T(fn) FUNC("text", fn)

typedef struct { str_t *ptr; uint32_t len; } str_list_t;

static str_t *return_area(str_t value) {
    str_t *ret = galloc(sizeof(str_t));
    *ret = value;
    return ret;
}

EXPORT(T("reverse"))
str_t *reverse(uint8_t *ptr, uint32_t len) {
    return return_area(str_reverse((str_t) { ptr, len }));
}

EXPORT(T("concat"))
str_t *concat(uint8_t *a, uint32_t a_len, uint8_t *b, uint32_t b_len) {
    str_t r = { galloc(a_len + b_len), a_len + b_len };
    memcpy(r.ptr, a, a_len);
    memcpy(r.ptr + a_len, b, b_len);
    return return_area(r);
}

EXPORT(T("count-code-points"))
uint32_t count_code_points(uint8_t *ptr, uint32_t len) {
    uint32_t count = 0;
    for (uint32_t i = 0; i < len; count++) utf8_next(ptr, &i);
    return count;
}

EXPORT(T("reverse-bytes"))
str_t *reverse_bytes(uint8_t *ptr, uint32_t len) {
    str_t r = { galloc(len), len };
    for (uint32_t i = 0; i < len; i++) r.ptr[i] = ptr[len - 1 - i];
    return return_area(r);
}

/* Every occurrence of sep splits, so n separators give n + 1 parts (pointing into the argument). */
EXPORT(T("split"))
str_list_t *split(uint8_t *ptr, uint32_t len, uint32_t sep) {
    uint8_t sep_bytes[4];
    uint32_t sep_len = utf8_put(sep, sep_bytes);
    uint32_t parts = 1;
    for (uint32_t i = 0; i + sep_len <= len; i++) {
        if (memcmp(ptr + i, sep_bytes, sep_len) == 0) { parts++; i += sep_len - 1; }
    }
    str_list_t *ret = galloc(sizeof(str_list_t));
    ret->ptr = galloc(parts * sizeof(str_t));
    ret->len = parts;
    uint32_t start = 0, n = 0;
    for (uint32_t i = 0; i + sep_len <= len; i++) {
        if (memcmp(ptr + i, sep_bytes, sep_len) == 0) {
            ret->ptr[n++] = (str_t) { ptr + start, i - start };
            i += sep_len - 1;
            start = i + 1;
        }
    }
    ret->ptr[n] = (str_t) { ptr + start, len - start };
    return ret;
}

EXPORT(T("join"))
str_t *join(str_t *parts, uint32_t count, uint8_t *sep, uint32_t sep_len) {
    uint32_t total = 0;
    for (uint32_t i = 0; i < count; i++) total += parts[i].len + (i > 0 ? sep_len : 0);
    str_t r = { galloc(total), total };
    uint32_t at = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (i > 0) { memcpy(r.ptr + at, sep, sep_len); at += sep_len; }
        memcpy(r.ptr + at, parts[i].ptr, parts[i].len);
        at += parts[i].len;
    }
    return return_area(r);
}

EXPORT(T("reverse-all"))
str_list_t *reverse_all(str_t *parts, uint32_t count) {
    str_list_t *ret = galloc(sizeof(str_list_t));
    ret->ptr = galloc(count * sizeof(str_t));
    ret->len = count;
    for (uint32_t i = 0; i < count; i++) ret->ptr[i] = str_reverse(parts[count - 1 - i]);
    return ret;
}

EXPORT(T("pending-allocations")) uint32_t pending_allocations(void) { return live_allocations(); }

EXPORT(POST("text", "reverse")) void reverse_post(str_t *r) { (void) r; release_all(); }
EXPORT(POST("text", "concat")) void concat_post(str_t *r) { (void) r; release_all(); }
EXPORT(POST("text", "count-code-points")) void count_post(uint32_t r) { (void) r; release_all(); }
EXPORT(POST("text", "reverse-bytes")) void reverse_bytes_post(str_t *r) { (void) r; release_all(); }
EXPORT(POST("text", "split")) void split_post(str_list_t *r) { (void) r; release_all(); }
EXPORT(POST("text", "join")) void join_post(str_t *r) { (void) r; release_all(); }
EXPORT(POST("text", "reverse-all")) void reverse_all_post(str_list_t *r) { (void) r; release_all(); }
