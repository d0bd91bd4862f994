package dev.spinmixed.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Orders the benchmark sends: {@link #TYPICAL} is timed; {@link #all()} covers the rules of
 * apps/README.md (every step's acceptance and refusals) for the check that the plain Java pipeline
 * answers exactly as the wasm components do.
 */
public final class SampleOrders {

    /** The example of apps/README-orders-api.md: two lines and a coupon, completed (200). */
    public static final String TYPICAL =
            """
            {"id":"o-1001","customer":"Zoë Müller","region":"EU-DE","lines":[\
            {"sku":"MUG-0001","quantity":2,"unitPriceCents":1250},{"sku":"TEE-0002","quantity":1,"unitPriceCents":1999}],\
            "coupon":"WELCOME5"}\
            """;

    private SampleOrders() {}

    public static byte[] typical() {
        return TYPICAL.getBytes(StandardCharsets.UTF_8);
    }

    /** Named orders, in a fixed order. */
    public static Map<String, byte[]> all() {
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("typical", TYPICAL);
        orders.put(
                "normalised-volume-save10",
                """
                {"id":"  o_2002 ","customer":" Ada ","region":"eu-nl","lines":[\
                {"sku":" mug-0001","quantity":10,"unitPriceCents":1250},{"sku":"pen-0005","quantity":100,"unitPriceCents":199}],\
                "coupon":" save10 "}\
                """);
        orders.put(
                "bulk15",
                """
                {"id":"o-3003","customer":"Bea","region":"US-CA","lines":[\
                {"sku":"STK-0006","quantity":60,"unitPriceCents":35}],"coupon":"BULK15"}\
                """);
        orders.put(
                "no-coupon-tax-rounding",
                """
                {"id":"o-4004","customer":"Cy","region":"US-CA","lines":[\
                {"sku":"CAP-0003","quantity":3,"unitPriceCents":1333}],"coupon":null}\
                """);
        orders.put(
                "zero-tax",
                """
                {"id":"o-4005","customer":"Di","region":"US-OR","lines":[{"sku":"BAG-0004","quantity":15,"unitPriceCents":2499}]}\
                """);
        orders.put(
                "validate-many-problems",
                """
                {"id":"","customer":"","region":"Europe","lines":[\
                {"sku":"MUG1","quantity":0,"unitPriceCents":0},{"sku":"TEE-0002","quantity":20000,"unitPriceCents":18446744073709551615}],\
                "coupon":"no!"}\
                """);
        orders.put(
                "validate-id-and-customer",
                """
                {"id":"o 1\u00e9","customer":"tab\\tname","region":"EU-XX","lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":100}]}\
                """);
        orders.put(
                "validate-long-id",
                """
                {"id":"%s","customer":"Ed","region":"EU-FR","lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":100}]}\
                """
                        .formatted("x".repeat(65)));
        orders.put(
                "validate-duplicate-sku-no-lines",
                """
                {"id":"o-5005","customer":"Flo","region":"EU-FR","lines":[\
                {"sku":"CAP-0003","quantity":1,"unitPriceCents":500},{"sku":"cap-0003","quantity":2,"unitPriceCents":500}]}\
                """);
        orders.put(
                "validate-empty-lines",
                """
                {"id":"o-5006","customer":"Gus","region":"EU-FR","lines":[]}\
                """);
        orders.put(
                "price-unknown-coupon",
                """
                {"id":"o-6006","customer":"Hal","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":100}],"coupon":"FREE100"}\
                """);
        orders.put(
                "price-save10-threshold",
                """
                {"id":"o-6007","customer":"Ivy","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250}],"coupon":"SAVE10"}\
                """);
        orders.put(
                "price-welcome5-threshold",
                """
                {"id":"o-6008","customer":"Jo","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":1250}],"coupon":"WELCOME5"}\
                """);
        orders.put(
                "price-bulk15-units",
                """
                {"id":"o-6009","customer":"Kim","region":"US-NY","lines":[{"sku":"PEN-0005","quantity":49,"unitPriceCents":150}],"coupon":"BULK15"}\
                """);
        orders.put(
                "reserve-sold-out-and-unknown",
                """
                {"id":"o-7007","customer":"Lu","region":"EU-NL","lines":[\
                {"sku":"BTL-0007","quantity":1,"unitPriceCents":900},{"sku":"ZZZ-9999","quantity":1,"unitPriceCents":900},\
                {"sku":"BAG-0004","quantity":16,"unitPriceCents":900}]}\
                """);
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        orders.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }
}
