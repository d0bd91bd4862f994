/*
 * World conformance:echo/structured-relay: every export calls the same function of the imported
 * interface and hands its answer back, so each value is lowered and lifted across two component
 * boundaries (host -> relay -> callee -> relay -> host).
 *
 * Forwarding needs no lifting: an export and the matching import take the same flat parameters.
 * Only results differ: an export returns a pointer to its result, while an import with more than
 * one flat result takes a trailing pointer to a return area in the caller's memory. Spilled
 * parameters (more than 16 flat values) arrive as a pointer to the parameter tuple in this module's
 * memory, which is exactly what the import expects from its caller.
 */
#include "cabi.h"

#define IMPORT(iface, fn) __attribute__((import_module("conformance:echo/" iface "@0.1.0"), import_name(fn)))
/* Large enough and aligned enough for every result type of these interfaces (all-of is 96 bytes). */
#define RETURN_AREA_SIZE 128

typedef int32_t i32;
typedef int64_t i64;

/* ---- shapes ---- */
IMPORT("shapes", "echo-point") extern void echo_point_import(i32, i32, void *);
IMPORT("shapes", "move-point") extern void move_point_import(i32, i32, i32, i32, void *);
IMPORT("shapes", "birthday") extern void birthday_import(i32, i32, i32, i32, i32, i32, i32, i32, double, i32, void *);
IMPORT("shapes", "next-color") extern i32 next_color_import(i32);
IMPORT("shapes", "toggle-perms") extern i32 toggle_perms_import(i32);
IMPORT("shapes", "toggle-medium") extern i32 toggle_medium_import(i32);
IMPORT("shapes", "toggle-wide") extern i32 toggle_wide_import(i32);
IMPORT("shapes", "echo-shape") extern void echo_shape_import(i32, i64, i32, void *);
IMPORT("shapes", "grow-shape") extern void grow_shape_import(i32, i64, i32, void *);
IMPORT("shapes", "echo-number") extern void echo_number_import(i32, i64, void *);
IMPORT("shapes", "negate-number") extern void negate_number_import(i32, i64, void *);
IMPORT("shapes", "swap-twin") extern void swap_twin_import(i32, float, void *);
IMPORT("shapes", "swap") extern void swap_import(i32, i32, i32, double, void *);
IMPORT("shapes", "bump-mixed") extern void bump_mixed_import(i32, i32, i64, void *);
IMPORT("shapes", "maybe-inc") extern void maybe_inc_import(i32, i32, void *);
IMPORT("shapes", "maybe-neg") extern void maybe_neg_import(i32, double, void *);
IMPORT("shapes", "maybe-maybe") extern void maybe_maybe_import(i32, i32, i32, i32, void *);
IMPORT("shapes", "flip-result") extern void flip_result_import(i32, i32, i32, void *);
IMPORT("shapes", "flip-unit-result") extern i32 flip_unit_result_import(i32);
IMPORT("shapes", "next-err-color") extern void next_err_color_import(i32, i32, void *);
IMPORT("shapes", "neg-ok-result") extern void neg_ok_result_import(i32, double, void *);

static void *area(void) { return galloc(RETURN_AREA_SIZE); }

#define SH(fn) FUNC("shapes", fn)
EXPORT(SH("echo-point")) void *echo_point(i32 x, i32 y) { void *r = area(); echo_point_import(x, y, r); return r; }
EXPORT(SH("move-point")) void *move_point(i32 x, i32 y, i32 dx, i32 dy) {
    void *r = area(); move_point_import(x, y, dx, dy, r); return r;
}
EXPORT(SH("birthday")) void *birthday(i32 a, i32 b, i32 c, i32 d, i32 e, i32 f, i32 g, i32 h, double score, i32 fav) {
    void *r = area(); birthday_import(a, b, c, d, e, f, g, h, score, fav, r); return r;
}
EXPORT(SH("next-color")) i32 next_color(i32 c) { return next_color_import(c); }
EXPORT(SH("toggle-perms")) i32 toggle_perms(i32 p) { return toggle_perms_import(p); }
EXPORT(SH("toggle-medium")) i32 toggle_medium(i32 m) { return toggle_medium_import(m); }
EXPORT(SH("toggle-wide")) i32 toggle_wide(i32 w) { return toggle_wide_import(w); }
EXPORT(SH("echo-shape")) void *echo_shape(i32 t, i64 a, i32 b) { void *r = area(); echo_shape_import(t, a, b, r); return r; }
EXPORT(SH("grow-shape")) void *grow_shape(i32 t, i64 a, i32 b) { void *r = area(); grow_shape_import(t, a, b, r); return r; }
EXPORT(SH("echo-number")) void *echo_number(i32 t, i64 a) { void *r = area(); echo_number_import(t, a, r); return r; }
EXPORT(SH("negate-number")) void *negate_number(i32 t, i64 a) { void *r = area(); negate_number_import(t, a, r); return r; }
EXPORT(SH("swap-twin")) void *swap_twin(i32 t, float f) { void *r = area(); swap_twin_import(t, f, r); return r; }
EXPORT(SH("swap")) void *swap(i32 a, i32 p, i32 l, double d) { void *r = area(); swap_import(a, p, l, d, r); return r; }
EXPORT(SH("bump-mixed")) void *bump_mixed(i32 t, i32 a, i64 b) { void *r = area(); bump_mixed_import(t, a, b, r); return r; }
EXPORT(SH("maybe-inc")) void *maybe_inc(i32 t, i32 v) { void *r = area(); maybe_inc_import(t, v, r); return r; }
EXPORT(SH("maybe-neg")) void *maybe_neg(i32 t, double v) { void *r = area(); maybe_neg_import(t, v, r); return r; }
EXPORT(SH("maybe-maybe")) void *maybe_maybe(i32 o, i32 i, i32 p, i32 l) {
    void *r = area(); maybe_maybe_import(o, i, p, l, r); return r;
}
EXPORT(SH("flip-result")) void *flip_result(i32 t, i32 a, i32 b) { void *r = area(); flip_result_import(t, a, b, r); return r; }
EXPORT(SH("flip-unit-result")) i32 flip_unit_result(i32 t) { return flip_unit_result_import(t); }
EXPORT(SH("next-err-color")) void *next_err_color(i32 t, i32 c) { void *r = area(); next_err_color_import(t, c, r); return r; }
EXPORT(SH("neg-ok-result")) void *neg_ok_result(i32 t, double v) { void *r = area(); neg_ok_result_import(t, v, r); return r; }

/* ---- nested ---- */
IMPORT("nested", "transform-table") extern void transform_table_import(i32, i32, i32, i32, i32, i32, i32, i32, i32, void *);
IMPORT("nested", "summarize") extern void summarize_import(i32, i32, i32, i32, i32, i32, i32, i32, i32, void *);
IMPORT("nested", "invert-lists") extern void invert_lists_import(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, void *);
IMPORT("nested", "invert-more-lists") extern void invert_more_lists_import(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32,
                                                                           i32, i32, i32, i32, i32, i32, void *);
IMPORT("nested", "inc-options") extern void inc_options_import(i32, i32, void *);
IMPORT("nested", "bump-results") extern void bump_results_import(i32, i32, void *);

#define NE(fn) FUNC("nested", fn)
EXPORT(NE("transform-table")) void *transform_table(i32 a, i32 b, i32 c, i32 d, i32 e, i32 f, i32 g, i32 h, i32 i) {
    void *r = area(); transform_table_import(a, b, c, d, e, f, g, h, i, r); return r;
}
EXPORT(NE("summarize")) void *summarize(i32 a, i32 b, i32 c, i32 d, i32 e, i32 f, i32 g, i32 h, i32 i) {
    void *r = area(); summarize_import(a, b, c, d, e, f, g, h, i, r); return r;
}
EXPORT(NE("invert-lists")) void *invert_lists(i32 a, i32 b, i32 c, i32 d, i32 e, i32 f, i32 g, i32 h, i32 i, i32 j) {
    void *r = area(); invert_lists_import(a, b, c, d, e, f, g, h, i, j, r); return r;
}
EXPORT(NE("invert-more-lists")) void *invert_more_lists(i32 a, i32 b, i32 c, i32 d, i32 e, i32 f, i32 g, i32 h, i32 i,
                                                        i32 j, i32 k, i32 l, i32 m, i32 n, i32 o, i32 p) {
    void *r = area(); invert_more_lists_import(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, r); return r;
}
EXPORT(NE("inc-options")) void *inc_options(i32 p, i32 l) { void *r = area(); inc_options_import(p, l, r); return r; }
EXPORT(NE("bump-results")) void *bump_results(i32 p, i32 l) { void *r = area(); bump_results_import(p, l, r); return r; }

/* ---- boundaries ---- */
IMPORT("boundaries", "toggle-all") extern void toggle_all_import(i32, i32, i32, i32, i32, void *);
IMPORT("boundaries", "next-case") extern i32 next_case_import(i32);
IMPORT("boundaries", "next-cases") extern void next_cases_import(i32, i32, void *);

#define BO(fn) FUNC("boundaries", fn)
EXPORT(BO("toggle-all")) void *toggle_all(i32 a, i32 b, i32 c, i32 d, i32 e) {
    void *r = area(); toggle_all_import(a, b, c, d, e, r); return r;
}
EXPORT(BO("next-case")) i32 next_case(i32 x) { return next_case_import(x); }
EXPORT(BO("next-cases")) void *next_cases(i32 p, i32 l) { void *r = area(); next_cases_import(p, l, r); return r; }

/* ---- spill ---- */
IMPORT("spill", "sum-sixteen") extern i64 sum_sixteen_import(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32,
                                                            i32, i32, i32, i32);
IMPORT("spill", "sum-seventeen") extern i64 sum_seventeen_import(void *);
IMPORT("spill", "gather") extern void gather_import(void *, void *);
IMPORT("spill", "bump-all") extern void bump_all_import(void *, void *);

#define SP(fn) FUNC("spill", fn)
EXPORT(SP("sum-sixteen")) i64 sum_sixteen(i32 a, i32 b, i32 c, i32 d, i32 e, i32 f, i32 g, i32 h, i32 i, i32 j, i32 k,
                                          i32 l, i32 m, i32 n, i32 o, i32 p) {
    return sum_sixteen_import(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p);
}
EXPORT(SP("sum-seventeen")) i64 sum_seventeen(void *args) { return sum_seventeen_import(args); }
EXPORT(SP("gather")) void *gather(void *args) { void *r = area(); gather_import(args, r); return r; }
EXPORT(SP("bump-all")) void *bump_all(void *x) { void *r = area(); bump_all_import(x, r); return r; }

/* Post-return frees this call's arguments, return areas and what the callee's results were lowered into. */
#define POST_AREA(iface, fn, cname) \
    EXPORT(POST(iface, fn)) void cname##_post(void *r) { (void) r; release_all(); }
POST_AREA("shapes", "echo-point", echo_point)
POST_AREA("shapes", "move-point", move_point)
POST_AREA("shapes", "birthday", birthday)
POST_AREA("shapes", "echo-shape", echo_shape)
POST_AREA("shapes", "grow-shape", grow_shape)
POST_AREA("shapes", "echo-number", echo_number)
POST_AREA("shapes", "negate-number", negate_number)
POST_AREA("shapes", "swap-twin", swap_twin)
POST_AREA("shapes", "swap", swap)
POST_AREA("shapes", "bump-mixed", bump_mixed)
POST_AREA("shapes", "maybe-inc", maybe_inc)
POST_AREA("shapes", "maybe-neg", maybe_neg)
POST_AREA("shapes", "maybe-maybe", maybe_maybe)
POST_AREA("shapes", "flip-result", flip_result)
POST_AREA("shapes", "next-err-color", next_err_color)
POST_AREA("shapes", "neg-ok-result", neg_ok_result)
POST_AREA("nested", "transform-table", transform_table)
POST_AREA("nested", "summarize", summarize)
POST_AREA("nested", "invert-lists", invert_lists)
POST_AREA("nested", "invert-more-lists", invert_more_lists)
POST_AREA("nested", "inc-options", inc_options)
POST_AREA("nested", "bump-results", bump_results)
POST_AREA("boundaries", "toggle-all", toggle_all)
POST_AREA("boundaries", "next-cases", next_cases)
POST_AREA("spill", "gather", gather)
POST_AREA("spill", "bump-all", bump_all)
EXPORT(POST("spill", "sum-seventeen")) void sum_seventeen_post(i64 r) { (void) r; release_all(); }
