package dev.spinmixed.bench.java;

import dev.spinmixed.bench.java.Orders.Line;
import dev.spinmixed.bench.java.Orders.Order;
import dev.spinmixed.bench.java.Orders.Outcome;
import dev.spinmixed.bench.java.Orders.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The validation rules of apps/README.md in plain Java (the C component's twin). */
public final class Validation {

    static final String KNOWN_REGIONS = "EU-DE, EU-FR, EU-NL, US-CA, US-NY, US-OR";
    private static final Set<String> REGIONS = Set.of(KNOWN_REGIONS.split(", "));
    private static final int MAX_ID_CHARS = 64;
    private static final int MAX_CUSTOMER_CHARS = 100;
    private static final int MAX_LINES = 50;
    private static final long MIN_QUANTITY = 1;
    private static final long MAX_QUANTITY = 10_000;
    private static final long MAX_UNIT_PRICE_CENTS = 10_000_000;

    private Validation() {}

    public static Outcome<Order> validate(Order order) {
        List<Problem> problems = new ArrayList<>();
        String id = checkId(trim(order.id()), problems);
        String customer = checkCustomer(trim(order.customer()), problems);
        String region = checkRegion(upper(trim(order.region())), problems);
        List<Line> lines = checkLines(order.lines(), problems);
        Optional<String> coupon = order.coupon().map(c -> checkCoupon(upper(trim(c)), problems));
        if (!problems.isEmpty()) {
            return Outcome.rejected("validate", problems);
        }
        return Outcome.ok(new Order(id, customer, region, lines, coupon));
    }

    private static String checkId(String id, List<Problem> problems) {
        if (id.isEmpty()) {
            problems.add(new Problem("id", "must not be empty"));
            return id;
        }
        int chars = id.codePointCount(0, id.length());
        if (chars > MAX_ID_CHARS) {
            problems.add(
                    new Problem(
                            "id", "must be at most " + MAX_ID_CHARS + " characters, got " + chars));
        }
        if (!id.chars().allMatch(c -> isAsciiLetter(c) || isDigit(c) || c == '-' || c == '_')) {
            problems.add(new Problem("id", "may contain only letters, digits, '-' and '_'"));
        }
        return id;
    }

    private static String checkCustomer(String customer, List<Problem> problems) {
        if (customer.isEmpty()) {
            problems.add(new Problem("customer", "must not be empty"));
            return customer;
        }
        int chars = customer.codePointCount(0, customer.length());
        if (chars > MAX_CUSTOMER_CHARS) {
            problems.add(
                    new Problem(
                            "customer",
                            "must be at most " + MAX_CUSTOMER_CHARS + " characters, got " + chars));
        }
        if (customer.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem("customer", "must not contain control characters"));
        }
        return customer;
    }

    private static String checkRegion(String region, List<Problem> problems) {
        boolean format =
                region.length() == 5
                        && isUpper(region.charAt(0))
                        && isUpper(region.charAt(1))
                        && region.charAt(2) == '-'
                        && isUpper(region.charAt(3))
                        && isUpper(region.charAt(4));
        if (!format) {
            problems.add(
                    new Problem(
                            "region",
                            "must look like EU-DE (two letters, a dash, two letters), got '"
                                    + region
                                    + "'"));
        } else if (!REGIONS.contains(region)) {
            problems.add(
                    new Problem(
                            "region",
                            "unknown region '" + region + "'; known regions: " + KNOWN_REGIONS));
        }
        return region;
    }

    private static List<Line> checkLines(List<Line> lines, List<Problem> problems) {
        if (lines.isEmpty()) {
            problems.add(new Problem("lines", "must have at least one line"));
            return lines;
        }
        if (lines.size() > MAX_LINES) {
            problems.add(
                    new Problem(
                            "lines",
                            "must have at most " + MAX_LINES + " lines, got " + lines.size()));
        }
        List<Line> normalised = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String sku = upper(trim(line.sku()));
            if (!isSku(sku)) {
                problems.add(
                        new Problem(
                                "lines[" + i + "].sku",
                                "must look like MUG-0001 (three letters, a dash, four digits), got"
                                        + " '"
                                        + sku
                                        + "'"));
            } else {
                for (int j = 0; j < i; j++) {
                    if (sku.equals(normalised.get(j).sku())) {
                        problems.add(
                                new Problem(
                                        "lines[" + i + "].sku",
                                        "duplicate of lines[" + j + "].sku (" + sku + ")"));
                        break;
                    }
                }
            }
            if (line.quantity() < MIN_QUANTITY || line.quantity() > MAX_QUANTITY) {
                problems.add(
                        new Problem(
                                "lines[" + i + "].quantity",
                                "must be between "
                                        + MIN_QUANTITY
                                        + " and "
                                        + MAX_QUANTITY
                                        + ", got "
                                        + line.quantity()));
            }
            if (line.unitPriceCents() == 0) {
                problems.add(
                        new Problem("lines[" + i + "].unit-price-cents", "must be greater than 0"));
            } else if (Long.compareUnsigned(line.unitPriceCents(), MAX_UNIT_PRICE_CENTS) > 0) {
                problems.add(
                        new Problem(
                                "lines[" + i + "].unit-price-cents",
                                "must be at most "
                                        + MAX_UNIT_PRICE_CENTS
                                        + ", got "
                                        + Long.toUnsignedString(line.unitPriceCents())));
            }
            normalised.add(new Line(sku, line.quantity(), line.unitPriceCents()));
        }
        return normalised;
    }

    private static String checkCoupon(String coupon, List<Problem> problems) {
        boolean alphanumeric = coupon.chars().allMatch(c -> isUpper(c) || isDigit(c));
        if (!alphanumeric || coupon.length() < 3 || coupon.length() > 20) {
            problems.add(
                    new Problem(
                            "coupon", "must be 3 to 20 letters or digits, got '" + coupon + "'"));
        }
        return coupon;
    }

    private static boolean isSku(String s) {
        if (s.length() != 8 || s.charAt(3) != '-') {
            return false;
        }
        return s.chars().limit(3).allMatch(Validation::isUpper)
                && s.chars().skip(4).allMatch(Validation::isDigit);
    }

    /** ASCII white space only, as the C component trims. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** ASCII letters only: other characters pass through unchanged. */
    static String upper(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - 'a' + 'A');
            }
        }
        return new String(chars);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetter(int c) {
        return isUpper(c) || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
