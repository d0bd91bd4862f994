/*
 * World conformance:echo/structured-echo: records, variants, enums, flags, options, results,
 * tuples, nested lists, and parameter lists that spill to memory.
 *
 * The C structs below have exactly the canonical ABI memory layout (fields in order, each aligned
 * to its own alignment, a variant's payload after the discriminant at the largest case
 * alignment), so values in memory are read through them. Flat parameters are lifted by hand,
 * following the flattening rules (a variant's payload slots are joined across its cases).
 */
#include "cabi.h"

#define SH(fn) FUNC("shapes", fn)
#define NE(fn) FUNC("nested", fn)
#define SP(fn) FUNC("spill", fn)
/* Post-return for a function: frees what the call allocated (its arguments and its result). */
#define POST_RETURN(iface, fn, cname, flat) \
    EXPORT(POST(iface, fn)) void cname##_post(flat r) { (void) r; release_all(); }

typedef struct { int32_t x, y; } point_t;
typedef struct { str_t *ptr; uint32_t len; } str_list_t;
typedef struct { uint8_t is_some; str_t val; } opt_str_t;
typedef struct { uint8_t is_some; uint32_t val; } opt_u32_t;
typedef struct { uint8_t is_some; float val; } opt_f32_t;
typedef struct { uint8_t is_some; double val; } opt_f64_t;
typedef struct { str_t name; uint8_t age; opt_str_t email; str_list_t tags; double score; uint32_t favourite; } person_t;

enum { COLOR_COUNT = 8 };
enum { SHAPE_CIRCLE, SHAPE_RECT, SHAPE_LABEL, SHAPE_EMPTY, SHAPE_BIG, SHAPE_TINY };
typedef struct {
    uint8_t tag;
    union { float circle; point_t rect; str_t label; uint64_t big; int8_t tiny; } val;
} shape_t;
enum { NUMBER_I, NUMBER_F, NUMBER_D, NUMBER_L };
typedef struct { uint8_t tag; union { int32_t i; float f; double d; int64_t l; } val; } number_t;
typedef struct { uint8_t tag; float val; } twin_t;

static float f32_from_bits(uint32_t bits) { float f; memcpy(&f, &bits, 4); return f; }
static double f64_from_bits(uint64_t bits) { double d; memcpy(&d, &bits, 8); return d; }

static void *return_area(const void *value, size_t size) {
    void *ret = galloc(size);
    memcpy(ret, value, size);
    return ret;
}

static uint8_t next_color(uint8_t c) { return (uint8_t) ((c + 1) % COLOR_COUNT); }

/* ---- interface shapes ---- */

EXPORT(SH("echo-point"))
point_t *echo_point(int32_t x, int32_t y) {
    point_t p = { x, y };
    return return_area(&p, sizeof p);
}

EXPORT(SH("move-point"))
point_t *move_point(int32_t x, int32_t y, int32_t dx, int32_t dy) {
    point_t p = { (int32_t) ((uint32_t) x + (uint32_t) dx), (int32_t) ((uint32_t) y + (uint32_t) dy) };
    return return_area(&p, sizeof p);
}

EXPORT(SH("birthday"))
person_t *birthday(uint8_t *name, uint32_t name_len, int32_t age, int32_t email_is_some, uint8_t *email,
                   uint32_t email_len, str_t *tags, uint32_t tag_count, double score, uint32_t favourite) {
    person_t p;
    p.name = str_reverse((str_t) { name, name_len });
    p.age = (uint8_t) (age + 1);
    (void) email;
    (void) email_len;
    p.email = email_is_some ? (opt_str_t) { 0, { 0, 0 } } : (opt_str_t) { 1, { name, name_len } };
    p.tags = (str_list_t) { galloc(tag_count * sizeof(str_t)), tag_count };
    for (uint32_t i = 0; i < tag_count; i++) p.tags.ptr[i] = tags[tag_count - 1 - i];
    p.score = -score;
    p.favourite = next_char(favourite);
    return return_area(&p, sizeof p);
}

EXPORT(SH("next-color")) int32_t next_color_export(int32_t c) { return next_color((uint8_t) c); }
EXPORT(SH("toggle-perms")) int32_t toggle_perms(int32_t p) { return ~p & 0x7; }
EXPORT(SH("toggle-medium")) int32_t toggle_medium(int32_t m) { return ~m & 0x3FF; }
EXPORT(SH("toggle-wide")) int32_t toggle_wide(int32_t w) { return ~w & 0xFFFFF; }

/* shape flattens to (disc, i64, i32): every case's first slot joins to i64. */
static shape_t lift_shape(int32_t tag, int64_t slot0, int32_t slot1) {
    shape_t s = { (uint8_t) tag, { 0 } };
    switch (tag) {
        case SHAPE_CIRCLE: s.val.circle = f32_from_bits((uint32_t) slot0); break;
        case SHAPE_RECT: s.val.rect = (point_t) { (int32_t) slot0, slot1 }; break;
        case SHAPE_LABEL: s.val.label = (str_t) { (uint8_t *) (uintptr_t) (uint32_t) slot0, (uint32_t) slot1 }; break;
        case SHAPE_BIG: s.val.big = (uint64_t) slot0; break;
        case SHAPE_TINY: s.val.tiny = (int8_t) slot0; break;
        default: break;
    }
    return s;
}

EXPORT(SH("echo-shape"))
shape_t *echo_shape(int32_t tag, int64_t slot0, int32_t slot1) {
    shape_t s = lift_shape(tag, slot0, slot1);
    return return_area(&s, sizeof s);
}

EXPORT(SH("grow-shape"))
shape_t *grow_shape(int32_t tag, int64_t slot0, int32_t slot1) {
    shape_t s = lift_shape(tag, slot0, slot1);
    switch (s.tag) {
        case SHAPE_CIRCLE: s.val.circle *= 2; break;
        case SHAPE_RECT:
            s.val.rect = (point_t) { (int32_t) ((uint32_t) s.val.rect.x + 1), (int32_t) ((uint32_t) s.val.rect.y + 1) };
            break;
        case SHAPE_LABEL: s.val.label = str_reverse(s.val.label); break;
        case SHAPE_BIG: s.val.big++; break;
        case SHAPE_TINY: s.val.tiny = (int8_t) (uint8_t) (s.val.tiny + 1); break;
        default: break;
    }
    return return_area(&s, sizeof s);
}

/* number flattens to (disc, i64): s32 and f32 bits sit in the low half of the i64 slot. */
static number_t lift_number(int32_t tag, int64_t slot0) {
    number_t n = { (uint8_t) tag, { 0 } };
    switch (tag) {
        case NUMBER_I: n.val.i = (int32_t) slot0; break;
        case NUMBER_F: n.val.f = f32_from_bits((uint32_t) slot0); break;
        case NUMBER_D: n.val.d = f64_from_bits((uint64_t) slot0); break;
        default: n.val.l = slot0; break;
    }
    return n;
}

EXPORT(SH("echo-number"))
number_t *echo_number(int32_t tag, int64_t slot0) {
    number_t n = lift_number(tag, slot0);
    return return_area(&n, sizeof n);
}

EXPORT(SH("negate-number"))
number_t *negate_number(int32_t tag, int64_t slot0) {
    number_t n = lift_number(tag, slot0);
    switch (n.tag) {
        case NUMBER_I: n.val.i = (int32_t) (0u - (uint32_t) n.val.i); break;
        case NUMBER_F: n.val.f = -n.val.f; break;
        case NUMBER_D: n.val.d = -n.val.d; break;
        default: n.val.l = (int64_t) (0u - (uint64_t) n.val.l); break;
    }
    return return_area(&n, sizeof n);
}

EXPORT(SH("swap-twin"))
twin_t *swap_twin(int32_t tag, float value) {
    twin_t t = { (uint8_t) (tag ^ 1), value };
    return return_area(&t, sizeof t);
}

enum { MIXED_A, MIXED_B, MIXED_C, MIXED_D };
typedef struct {
    uint8_t tag;
    union { float a; uint32_t b; struct { float x, y; } c; struct { uint8_t n; double x; } d; } val;
} mixed_t;

/* mixed flattens to (disc, i32, i64): f32 payloads travel as their bits, an f32 in the i64 slot
 * in its low half. */
EXPORT(SH("bump-mixed"))
mixed_t *bump_mixed(int32_t tag, int32_t slot0, int64_t slot1) {
    mixed_t m = { (uint8_t) tag, { 0 } };
    switch (tag) {
        case MIXED_A: m.val.a = -f32_from_bits((uint32_t) slot0); break;
        case MIXED_B: m.val.b = (uint32_t) slot0 + 1; break;
        case MIXED_C:
            m.val.c.x = f32_from_bits((uint32_t) slot1);
            m.val.c.y = f32_from_bits((uint32_t) slot0);
            break;
        default:
            m.val.d.n = (uint8_t) (slot0 + 1);
            m.val.d.x = -f64_from_bits((uint64_t) slot1);
            break;
    }
    return return_area(&m, sizeof m);
}

typedef struct { double d; str_t s; uint8_t a; } swapped_t;

EXPORT(SH("swap"))
swapped_t *swap(int32_t a, uint8_t *s, uint32_t s_len, double d) {
    swapped_t t = { d, { s, s_len }, (uint8_t) a };
    return return_area(&t, sizeof t);
}

EXPORT(SH("maybe-inc"))
opt_u32_t *maybe_inc(int32_t is_some, uint32_t value) {
    opt_u32_t o = { (uint8_t) is_some, is_some ? value + 1 : 0 };
    return return_area(&o, sizeof o);
}

EXPORT(SH("maybe-neg"))
opt_f64_t *maybe_neg(int32_t is_some, double value) {
    opt_f64_t o = { (uint8_t) is_some, is_some ? -value : 0 };
    return return_area(&o, sizeof o);
}

typedef struct { uint8_t is_some; opt_str_t val; } opt_opt_str_t;

EXPORT(SH("maybe-maybe"))
opt_opt_str_t *maybe_maybe(int32_t outer, int32_t inner, uint8_t *s, uint32_t s_len) {
    opt_opt_str_t o = { 0, { 0, { 0, 0 } } };
    if (!outer) o.is_some = 1;
    else if (inner) o = (opt_opt_str_t) { 1, { 1, str_reverse((str_t) { s, s_len }) } };
    return return_area(&o, sizeof o);
}

typedef struct { uint8_t is_err; union { str_t ok; uint32_t err; } val; } string_or_u32_t;

/* result<u32, string> flattens to (disc, i32, i32): ok uses the first slot, err both. */
EXPORT(SH("flip-result"))
string_or_u32_t *flip_result(int32_t is_err, int32_t slot0, int32_t slot1) {
    string_or_u32_t r;
    if (is_err) { r.is_err = 0; r.val.ok = (str_t) { (uint8_t *) (uintptr_t) (uint32_t) slot0, (uint32_t) slot1 }; }
    else { r.is_err = 1; r.val.err = (uint32_t) slot0; }
    return return_area(&r, sizeof r);
}

EXPORT(SH("flip-unit-result")) int32_t flip_unit_result(int32_t is_err) { return !is_err; }

typedef struct { uint8_t is_err; uint8_t color; } err_color_t;

EXPORT(SH("next-err-color"))
err_color_t *next_err_color(int32_t is_err, int32_t color) {
    err_color_t r = { (uint8_t) is_err, is_err ? next_color((uint8_t) color) : 0 };
    return return_area(&r, sizeof r);
}

typedef struct { uint8_t is_err; double ok; } ok_f64_t;

EXPORT(SH("neg-ok-result"))
ok_f64_t *neg_ok_result(int32_t is_err, double value) {
    ok_f64_t r = { (uint8_t) is_err, is_err ? 0 : -value };
    return return_area(&r, sizeof r);
}

POST_RETURN("shapes", "echo-point", echo_point, void *)
POST_RETURN("shapes", "move-point", move_point, void *)
POST_RETURN("shapes", "birthday", birthday, void *)
POST_RETURN("shapes", "echo-shape", echo_shape, void *)
POST_RETURN("shapes", "grow-shape", grow_shape, void *)
POST_RETURN("shapes", "echo-number", echo_number, void *)
POST_RETURN("shapes", "negate-number", negate_number, void *)
POST_RETURN("shapes", "swap-twin", swap_twin, void *)
POST_RETURN("shapes", "swap", swap, void *)
POST_RETURN("shapes", "bump-mixed", bump_mixed, void *)
POST_RETURN("shapes", "maybe-inc", maybe_inc, void *)
POST_RETURN("shapes", "maybe-neg", maybe_neg, void *)
POST_RETURN("shapes", "maybe-maybe", maybe_maybe, void *)
POST_RETURN("shapes", "flip-result", flip_result, void *)
POST_RETURN("shapes", "next-err-color", next_err_color, void *)
POST_RETURN("shapes", "neg-ok-result", neg_ok_result, void *)

/* ---- interface nested ---- */

enum { VALUE_NONE, VALUE_NUM, VALUE_TEXT, VALUE_PERMS, VALUE_PAIR, VALUE_POINTS };
typedef struct { int16_t a; uint32_t c; } pair_t;
typedef struct { point_t *ptr; uint32_t len; } point_list_t;
typedef struct {
    uint8_t tag;
    union { double num; str_t text; uint8_t perms; pair_t pair; point_list_t points; } val;
} value_t;
typedef struct { value_t *ptr; uint32_t len; } value_list_t;
typedef struct { str_t key; value_list_t values; uint8_t color; opt_f32_t weight; } entry_t;
typedef struct { entry_t *ptr; uint32_t len; } entry_list_t;
typedef struct { int64_t *ptr; uint32_t len; } s64_list_t;
typedef struct { s64_list_t *ptr; uint32_t len; } grid_t;
typedef struct { str_list_t *ptr; uint32_t len; } str_list_list_t;
typedef struct { uint8_t is_some; str_list_list_t val; } meta_t;
typedef struct { str_t name; entry_list_t entries; grid_t grid; meta_t meta; } table_t;

static table_t lift_table(uint8_t *name, uint32_t name_len, entry_t *entries, uint32_t entry_count,
                          s64_list_t *rows, uint32_t row_count, int32_t meta_is_some,
                          str_list_t *meta, uint32_t meta_len) {
    return (table_t) { { name, name_len }, { entries, entry_count }, { rows, row_count },
                       { (uint8_t) meta_is_some, { meta, meta_len } } };
}

static void transform_value(value_t *v) {
    switch (v->tag) {
        case VALUE_NUM: v->val.num = -v->val.num; break;
        case VALUE_TEXT: v->val.text = str_reverse(v->val.text); break;
        case VALUE_PERMS: v->val.perms = ~v->val.perms & 0x7; break;
        case VALUE_PAIR:
            v->val.pair.a = (int16_t) (uint16_t) (v->val.pair.a + 1);
            v->val.pair.c = next_char(v->val.pair.c);
            break;
        case VALUE_POINTS:
            for (uint32_t i = 0; i < v->val.points.len; i++) {
                point_t *p = &v->val.points.ptr[i];
                *p = (point_t) { p->y, p->x };
            }
            break;
        default: break;
    }
}

/* Entries in reverse order; in each: values transformed, next color, weight negated; grid cells + 1;
 * name and every meta string reversed. */
EXPORT(NE("transform-table"))
table_t *transform_table(uint8_t *name, uint32_t name_len, entry_t *entries, uint32_t entry_count,
                         s64_list_t *rows, uint32_t row_count, int32_t meta_is_some, str_list_t *meta,
                         uint32_t meta_len) {
    table_t t = lift_table(name, name_len, entries, entry_count, rows, row_count, meta_is_some, meta, meta_len);
    t.name = str_reverse(t.name);
    t.entries.ptr = galloc(entry_count * sizeof(entry_t));
    for (uint32_t i = 0; i < entry_count; i++) {
        entry_t e = entries[entry_count - 1 - i];
        for (uint32_t k = 0; k < e.values.len; k++) transform_value(&e.values.ptr[k]);
        e.color = next_color(e.color);
        if (e.weight.is_some) e.weight.val = -e.weight.val;
        t.entries.ptr[i] = e;
    }
    for (uint32_t r = 0; r < row_count; r++) {
        for (uint32_t c = 0; c < rows[r].len; c++) rows[r].ptr[c] = (int64_t) ((uint64_t) rows[r].ptr[c] + 1);
    }
    if (t.meta.is_some) {
        for (uint32_t r = 0; r < meta_len; r++) {
            for (uint32_t c = 0; c < meta[r].len; c++) meta[r].ptr[c] = str_reverse(meta[r].ptr[c]);
        }
    }
    return return_area(&t, sizeof t);
}

typedef struct { str_t key; uint32_t count; } key_count_t;
typedef struct { key_count_t *ptr; uint32_t len; } key_count_list_t;

EXPORT(NE("summarize"))
key_count_list_t *summarize(uint8_t *name, uint32_t name_len, entry_t *entries, uint32_t entry_count,
                            s64_list_t *rows, uint32_t row_count, int32_t meta_is_some, str_list_t *meta,
                            uint32_t meta_len) {
    (void) name; (void) name_len; (void) rows; (void) row_count; (void) meta_is_some; (void) meta; (void) meta_len;
    key_count_list_t out = { galloc(entry_count * sizeof(key_count_t)), entry_count };
    for (uint32_t i = 0; i < entry_count; i++) out.ptr[i] = (key_count_t) { entries[i].key, entries[i].values.len };
    return return_area(&out, sizeof out);
}

typedef struct { void *ptr; uint32_t len; } list_t;
typedef struct { list_t a, b, c, d, e; } five_lists_t;

/* Lists are rewritten in place (they are the callee's own memory until post-return). */
EXPORT(NE("invert-lists"))
five_lists_t *invert_lists(uint8_t *a, uint32_t a_len, int16_t *b, uint32_t b_len, uint64_t *c, uint32_t c_len,
                           float *d, uint32_t d_len, uint32_t *e, uint32_t e_len) {
    for (uint32_t i = 0; i < a_len; i++) a[i] = a[i] == 0;
    for (uint32_t i = 0; i < b_len; i++) b[i] = (int16_t) (uint16_t) (b[i] + 1);
    for (uint32_t i = 0; i < c_len; i++) c[i]++;
    for (uint32_t i = 0; i < d_len; i++) d[i] = -d[i];
    for (uint32_t i = 0; i < e_len; i++) e[i] = next_char(e[i]);
    five_lists_t r = { { a, a_len }, { b, b_len }, { c, c_len }, { d, d_len }, { e, e_len } };
    return return_area(&r, sizeof r);
}

typedef struct { list_t a, b, c, d, e, f, g, h; } eight_lists_t;

EXPORT(NE("invert-more-lists"))
eight_lists_t *invert_more_lists(int8_t *a, uint32_t a_len, uint16_t *b, uint32_t b_len, int32_t *c, uint32_t c_len,
                                 uint32_t *d, uint32_t d_len, int64_t *e, uint32_t e_len, double *f, uint32_t f_len,
                                 uint8_t *g, uint32_t g_len, uint32_t *h, uint32_t h_len) {
    for (uint32_t i = 0; i < a_len; i++) a[i] = (int8_t) (uint8_t) (a[i] + 1);
    for (uint32_t i = 0; i < b_len; i++) b[i]++;
    for (uint32_t i = 0; i < c_len; i++) c[i] = (int32_t) ((uint32_t) c[i] + 1);
    for (uint32_t i = 0; i < d_len; i++) d[i]++;
    for (uint32_t i = 0; i < e_len; i++) e[i] = (int64_t) ((uint64_t) e[i] + 1);
    for (uint32_t i = 0; i < f_len; i++) f[i] = -f[i];
    for (uint32_t i = 0; i < g_len; i++) g[i] = next_color(g[i]);
    for (uint32_t i = 0; i < h_len; i++) h[i] = ~h[i] & 0xFFFFF;
    eight_lists_t r = { { a, a_len }, { b, b_len }, { c, c_len }, { d, d_len }, { e, e_len }, { f, f_len },
                        { g, g_len }, { h, h_len } };
    return return_area(&r, sizeof r);
}

typedef struct { uint8_t is_some; uint16_t val; } opt_u16_t;

EXPORT(NE("inc-options"))
list_t *inc_options(opt_u16_t *items, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        if (items[i].is_some) items[i].val++;
    }
    list_t r = { items, len };
    return return_area(&r, sizeof r);
}

typedef struct { uint8_t is_err; union { uint8_t ok; str_t err; } val; } u8_or_string_t;

EXPORT(NE("bump-results"))
list_t *bump_results(u8_or_string_t *items, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        if (items[i].is_err) items[i].val.err = str_reverse(items[i].val.err);
        else items[i].val.ok++;
    }
    list_t r = { items, len };
    return return_area(&r, sizeof r);
}

POST_RETURN("nested", "transform-table", transform_table, void *)
POST_RETURN("nested", "summarize", summarize, void *)
POST_RETURN("nested", "invert-lists", invert_lists, void *)
POST_RETURN("nested", "invert-more-lists", invert_more_lists, void *)
POST_RETURN("nested", "inc-options", inc_options, void *)
POST_RETURN("nested", "bump-results", bump_results, void *)

/* ---- interface boundaries ---- */

#define BO(fn) FUNC("boundaries", fn)
enum { WIDE_ENUM_CASES = 257 };

typedef struct { uint8_t a; uint16_t b; uint16_t c; uint32_t d; uint32_t e; } all_flags_t;

EXPORT(BO("toggle-all"))
all_flags_t *toggle_all(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e) {
    all_flags_t r = { (uint8_t) ~a, (uint16_t) (~b & 0x1FF), (uint16_t) ~c, (uint32_t) ~d & 0x1FFFF, (uint32_t) ~e };
    return return_area(&r, sizeof r);
}

static uint16_t next_case(uint16_t x) { return (uint16_t) ((x + 1) % WIDE_ENUM_CASES); }

EXPORT(BO("next-case")) int32_t next_case_export(int32_t x) { return next_case((uint16_t) x); }

EXPORT(BO("next-cases"))
list_t *next_cases(uint16_t *xs, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) xs[i] = next_case(xs[i]);
    list_t r = { xs, len };
    return return_area(&r, sizeof r);
}

POST_RETURN("boundaries", "toggle-all", toggle_all, void *)
POST_RETURN("boundaries", "next-cases", next_cases, void *)

/* ---- interface spill ---- */

EXPORT(SP("sum-sixteen"))
uint64_t sum_sixteen(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5, uint32_t a6, uint32_t a7,
                     uint32_t a8, uint32_t a9, uint32_t a10, uint32_t a11, uint32_t a12, uint32_t a13,
                     uint32_t a14, uint32_t a15, uint32_t a16) {
    uint32_t a[16] = { a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16 };
    uint64_t sum = 0;
    for (uint32_t i = 0; i < 16; i++) sum += (uint64_t) (i + 1) * a[i];
    return sum;
}

/* More than 16 flat parameters: the host stores them as a tuple in guest memory and passes its address. */
typedef struct { uint32_t a[16]; uint64_t a17; } seventeen_t;

EXPORT(SP("sum-seventeen"))
uint64_t sum_seventeen(seventeen_t *args) {
    uint64_t sum = 17 * args->a17;
    for (uint32_t i = 0; i < 16; i++) sum += (uint64_t) (i + 1) * args->a[i];
    return sum;
}

typedef struct {
    uint8_t a; int8_t b; uint16_t c; int16_t d; uint32_t e; int32_t f; uint64_t g; int64_t h;
    float i; double j; uint8_t k; uint32_t l; str_t m; str_t n; opt_u32_t o; point_t p; uint8_t q;
} all_of_t;

static all_of_t *bump(const all_of_t *x) {
    all_of_t r = *x;
    r.a++; r.b = (int8_t) (uint8_t) (r.b + 1); r.c++; r.d = (int16_t) (uint16_t) (r.d + 1);
    r.e++; r.f = (int32_t) ((uint32_t) r.f + 1); r.g++; r.h = (int64_t) ((uint64_t) r.h + 1);
    r.i = -r.i; r.j = -r.j; r.k = !r.k; r.l = next_char(r.l);
    r.m = str_reverse(r.m);
    r.n = (str_t) { galloc(x->n.len), x->n.len };
    for (uint32_t k = 0; k < r.n.len; k++) r.n.ptr[k] = x->n.ptr[x->n.len - 1 - k];
    if (r.o.is_some) r.o.val++;
    r.p = (point_t) { x->p.y, x->p.x };
    r.q = next_color(r.q);
    return return_area(&r, sizeof r);
}

/* The spilled parameter tuple has the same layout as the all-of record. */
EXPORT(SP("gather")) all_of_t *gather(all_of_t *args) { return bump(args); }
EXPORT(SP("bump-all")) all_of_t *bump_all(all_of_t *x) { return bump(x); }

POST_RETURN("spill", "sum-seventeen", sum_seventeen, uint64_t)
POST_RETURN("spill", "gather", gather, void *)
POST_RETURN("spill", "bump-all", bump_all, void *)
