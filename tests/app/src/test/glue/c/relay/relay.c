/* The relay guest in C: every export calls the same function of the imported instance. */
#include "bindings.h"

void exports_echo_scalars(bool a, int8_t b, uint8_t c, int16_t d, uint16_t e, int32_t f, uint32_t g, int64_t h,
                          uint64_t i, float j, double k, uint32_t l,
                          wit_tuple12_bool_s8_u8_s16_u16_s32_u32_s64_u64_f32_f64_char_t *ret) {
    echo_scalars(a, b, c, d, e, f, g, h, i, j, k, l, ret);
}

void exports_echo_text(wit_string_t *s, wit_list_u8_t *b, wit_list_string_t *l,
                       wit_tuple3_string_list_u8_list_string_t *ret) {
    echo_text(s, b, l, ret);
}

void exports_echo_one_person(glue_person_t *p, glue_person_t *ret) { echo_one_person(p, ret); }

void exports_echo_people(wit_list_glue_person_t *p, wit_list_glue_person_t *ret) { echo_people(p, ret); }

void exports_echo_variants(glue_shape_t *s, glue_mixed_t *m, wit_tuple2_glue_shape_glue_mixed_t *ret) {
    echo_variants(s, m, ret);
}

void exports_echo_shapes(wit_list_glue_shape_t *s, wit_list_glue_shape_t *ret) { echo_shapes(s, ret); }

void exports_echo_flag_sets(glue_perms_t p, glue_wide_t w, glue_color_t c,
                            wit_tuple3_glue_perms_glue_wide_glue_color_t *ret) {
    echo_flag_sets(p, w, c, ret);
}

void exports_echo_options(
    wit_option_u32_t *a, wit_option_option_string_t *b, wit_result_u32_string_t *c, wit_result_void_void_t *d,
    wit_result_void_glue_color_t *e,
    wit_tuple5_option_u32_option_option_string_result_u32_string_result_void_void_result_void_glue_color_t *ret) {
    echo_options(a, b, c, d, e, ret);
}

void exports_echo_nested(wit_list_list_option_glue_point_t *x, wit_list_list_option_glue_point_t *ret) {
    echo_nested(x, ret);
}

void exports_echo_spilled(glue_person_t *p, glue_point_t *q, glue_shape_t *r, uint64_t s, glue_point_t *t,
                          wit_tuple5_glue_person_glue_point_glue_shape_u64_glue_point_t *ret) {
    echo_spilled(p, q, r, s, t, ret);
}

void exports_echo_count(uint32_t x, uint32_t *ret) { echo_count(x, ret); }

void exports_echo_pick(glue_color_t c, glue_color_t *ret) { echo_pick(c, ret); }

void exports_echo_nothing(void) { echo_nothing(); }
