#ifndef VALIDATE_H
#define VALIDATE_H

#include "orders.h"

#define MAX_ID_CHARS 64
#define MAX_CUSTOMER_CHARS 100
#define MAX_LINES 50
#define MIN_QUANTITY 1
#define MAX_QUANTITY 10000
#define MAX_UNIT_PRICE_CENTS 10000000ULL
#define MIN_COUPON_CHARS 3
#define MAX_COUPON_CHARS 20

/*
 * Checks the order and normalises it in place (trimmed id, customer, SKUs and coupon;
 * upper-cased region, SKUs and coupon). Fills `out` with the normalised order, or with a
 * rejection listing every problem found. Allocates only from the call's arena.
 */
void validate_order(order_t *order, order_result_t *out);

#endif
