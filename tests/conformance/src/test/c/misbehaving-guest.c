/* World conformance:echo/misbehaving-guest: each export returns a value the canonical ABI either
 * reduces or rejects (see the misbehaving interface in echo.wit). */
#include "cabi.h"

#define M(fn) FUNC("misbehaving", fn)

typedef struct { uint32_t ptr; uint32_t len; } raw_pair_t;

/* Far past any memory this module will have (it starts at 2 pages and never grows that far). */
static const uint32_t OUT_OF_BOUNDS = 0x7FFFFFF0u;

static raw_pair_t *pair_area(uint32_t ptr, uint32_t len) {
    raw_pair_t *r = galloc(sizeof(raw_pair_t));
    *r = (raw_pair_t) { ptr, len };
    return r;
}

EXPORT(M("bool-two")) int32_t bool_two(void) { return 2; }
EXPORT(M("u8-wide")) int32_t u8_wide(void) { return 0x1FF; }
EXPORT(M("s8-wide")) int32_t s8_wide(void) { return 0x180; }
EXPORT(M("s16-wide")) int32_t s16_wide(void) { return 0x18000; }
EXPORT(M("flags-extra-bits")) int32_t flags_extra_bits(void) { return 0xFF; }
EXPORT(M("char-surrogate")) int32_t char_surrogate(void) { return 0xD800; }
EXPORT(M("char-too-big")) int32_t char_too_big(void) { return 0x110000; }
EXPORT(M("enum-out-of-range")) int32_t enum_out_of_range(void) { return 2; }

EXPORT(M("option-bad-discriminant"))
uint8_t *option_bad_discriminant(void) {
    uint8_t *r = galloc(2);
    r[0] = 2;
    r[1] = 7;
    return r;
}

EXPORT(M("string-invalid-utf8"))
raw_pair_t *string_invalid_utf8(void) {
    uint8_t *bytes = galloc(2);
    bytes[0] = 0xC3;
    bytes[1] = 0x28;
    return pair_area((uint32_t) (uintptr_t) bytes, 2);
}

EXPORT(M("string-out-of-bounds")) raw_pair_t *string_out_of_bounds(void) { return pair_area(OUT_OF_BOUNDS, 10); }

EXPORT(M("list-misaligned"))
raw_pair_t *list_misaligned(void) {
    uint8_t *items = galloc(12);
    memset(items, 0, 12);
    return pair_area((uint32_t) (uintptr_t) items + 2, 2);
}

EXPORT(M("list-out-of-bounds"))
raw_pair_t *list_out_of_bounds(void) {
    uint8_t *items = galloc(8);
    return pair_area((uint32_t) (uintptr_t) items, 0x10000000);
}

EXPORT(M("return-area-misaligned"))
uint8_t *return_area_misaligned(void) {
    uint8_t *r = galloc(12);
    memset(r, 0, 12);
    return r + 2;
}

EXPORT(M("return-area-out-of-bounds"))
uint32_t return_area_out_of_bounds(void) { return OUT_OF_BOUNDS; }

#define POST_RETURN(fn, cname) EXPORT(POST("misbehaving", fn)) void cname##_post(int32_t r) { (void) r; release_all(); }
POST_RETURN("option-bad-discriminant", option_bad_discriminant)
POST_RETURN("string-invalid-utf8", string_invalid_utf8)
POST_RETURN("string-out-of-bounds", string_out_of_bounds)
POST_RETURN("list-misaligned", list_misaligned)
POST_RETURN("list-out-of-bounds", list_out_of_bounds)
POST_RETURN("return-area-misaligned", return_area_misaligned)
POST_RETURN("return-area-out-of-bounds", return_area_out_of_bounds)
