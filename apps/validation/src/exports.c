/*
 * The export of world acme:orders-app/validation-component, flattened by hand.
 *
 * `validate(order) -> result<order, rejection>`: the order flattens to 11 core values
 * (id, customer, region, lines: ptr+len each; coupon: tag, ptr, len), under the 16-value
 * limit, so it arrives as parameters; the result does not fit in one value, so the export
 * returns a pointer to it in this module's memory.
 */
#include "arena.h"
#include "orders.h"
#include "validate.h"

__attribute__((export_name("acme:validation/validation@0.1.0#validate")))
order_result_t *export_validate(char *id_ptr, size_t id_len, char *customer_ptr, size_t customer_len,
                                char *region_ptr, size_t region_len, line_t *lines_ptr, size_t lines_len,
                                uint32_t coupon_tag, char *coupon_ptr, size_t coupon_len) {
    order_t order = {
        .id = {id_ptr, id_len},
        .customer = {customer_ptr, customer_len},
        .region = {region_ptr, region_len},
        .lines = {lines_ptr, lines_len},
        .coupon = {(uint8_t)(coupon_tag != 0), {coupon_tag ? coupon_ptr : NULL, coupon_tag ? coupon_len : 0}},
    };
    order_result_t *result = arena_alloc(sizeof(order_result_t), _Alignof(order_result_t));
    validate_order(&order, result);
    return result;
}

/* The host has copied the result out; free the arguments and the result together. */
__attribute__((export_name("cabi_post_acme:validation/validation@0.1.0#validate")))
void post_validate(order_result_t *result) {
    (void)result;
    arena_free_all();
}
