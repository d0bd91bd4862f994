/* World conformance:echo/scalar-echo: every scalar type crosses the boundary as flat values. */
#include "cabi.h"

#define S(fn) FUNC("scalars", fn)

EXPORT(S("negate")) int32_t negate(int32_t x) { return x == 0; }
EXPORT(S("inc-s8")) int32_t inc_s8(int32_t x) { return (int8_t) (uint8_t) (x + 1); }
EXPORT(S("inc-u8")) int32_t inc_u8(int32_t x) { return (uint8_t) (x + 1); }
EXPORT(S("inc-s16")) int32_t inc_s16(int32_t x) { return (int16_t) (uint16_t) (x + 1); }
EXPORT(S("inc-u16")) int32_t inc_u16(int32_t x) { return (uint16_t) (x + 1); }
EXPORT(S("inc-s32")) int32_t inc_s32(int32_t x) { return (int32_t) ((uint32_t) x + 1); }
EXPORT(S("inc-u32")) uint32_t inc_u32(uint32_t x) { return x + 1; }
EXPORT(S("inc-s64")) int64_t inc_s64(int64_t x) { return (int64_t) ((uint64_t) x + 1); }
EXPORT(S("inc-u64")) uint64_t inc_u64(uint64_t x) { return x + 1; }
EXPORT(S("echo-f32")) float echo_f32(float x) { return x; }
EXPORT(S("neg-f32")) float neg_f32(float x) { return -x; }
EXPORT(S("echo-f64")) double echo_f64(double x) { return x; }
EXPORT(S("neg-f64")) double neg_f64(double x) { return -x; }
EXPORT(S("echo-char")) uint32_t echo_char(uint32_t c) { return c; }
EXPORT(S("next-char")) uint32_t next_char_export(uint32_t c) { return next_char(c); }

EXPORT(S("sum-mixed"))
double sum_mixed(int32_t a, int32_t b, uint32_t c, int64_t d, float e, double f) {
    return (double) (uint8_t) a + (double) (int16_t) b + (double) c + (double) d + (double) e + f;
}

EXPORT(S("answer")) uint32_t answer(void) { return 42; }
EXPORT(S("nothing")) void nothing(void) {}

static const char VERSION[] = "conformance 0.1.0 \xE2\x9C\x93";

EXPORT("version")
str_t *version(void) {
    str_t *ret = galloc(sizeof(str_t));
    ret->len = sizeof VERSION - 1;
    ret->ptr = galloc(ret->len);
    memcpy(ret->ptr, VERSION, ret->len);
    return ret;
}

EXPORT("cabi_post_version") void version_post(str_t *ret) { (void) ret; release_all(); }
