package dev.spinmixed.host.http;

import java.nio.charset.StandardCharsets;

/**
 * The http crate's rules for the headers a guest returns (Spin 3.6.3 {@code
 * crates/trigger-http/src/headers.rs}, {@code append_headers}: {@code HeaderName::from_str} and
 * {@code HeaderValue::from_str}); a header that breaks them fails the request with a 500.
 */
final class ResponseHeaders {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ResponseHeaders() {}

    /** A non-empty RFC 9110 token (letters of either case, digits, the token symbols). */
    static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (char c : name.toCharArray()) {
            boolean letterOrDigit =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Every UTF-8 byte a tab or at least 32, and none DEL (bytes of 128 and above pass). */
    static boolean validValue(String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xff;
            if (u != '\t' && (u < 32 || u == 127)) {
                return false;
            }
        }
        return true;
    }
}
