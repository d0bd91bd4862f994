/*
 * World conformance:echo/misbehaving-relay: every export forwards to the same function of the
 * imported misbehaving interface (served by misbehaving-guest), so each broken value reaches the
 * host's adapter between two components instead of the host's own lifting. A value that crosses
 * is handed back as it arrived: scalars flat, the rest in this module's return area.
 */
#include "cabi.h"

#define IMPORT(fn) __attribute__((import_module("conformance:echo/misbehaving@0.1.0"), import_name(fn)))
#define M(fn) FUNC("misbehaving", fn)

typedef int32_t i32;

#define FLAT(fn, cname) \
    IMPORT(fn) extern i32 cname##_import(void); \
    EXPORT(M(fn)) i32 cname(void) { return cname##_import(); }

/* A result in memory: the import writes it into a return area this module allocates. */
#define AREA(fn, cname, size) \
    IMPORT(fn) extern void cname##_import(void *); \
    EXPORT(M(fn)) void *cname(void) { void *r = galloc(size); cname##_import(r); return r; } \
    EXPORT(POST("misbehaving", fn)) void cname##_post(i32 r) { (void) r; release_all(); }

FLAT("bool-two", bool_two)
FLAT("u8-wide", u8_wide)
FLAT("s8-wide", s8_wide)
FLAT("s16-wide", s16_wide)
FLAT("flags-extra-bits", flags_extra_bits)
FLAT("char-surrogate", char_surrogate)
FLAT("char-too-big", char_too_big)
FLAT("enum-out-of-range", enum_out_of_range)
AREA("option-bad-discriminant", option_bad_discriminant, 2)
AREA("string-invalid-utf8", string_invalid_utf8, 8)
AREA("string-out-of-bounds", string_out_of_bounds, 8)
AREA("list-misaligned", list_misaligned, 8)
AREA("list-out-of-bounds", list_out_of_bounds, 8)
AREA("return-area-misaligned", return_area_misaligned, 8)
AREA("return-area-out-of-bounds", return_area_out_of_bounds, 8)
