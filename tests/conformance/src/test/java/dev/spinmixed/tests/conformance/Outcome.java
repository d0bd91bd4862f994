package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one host made of a call: the result in canonical JSON text ("null" for a function without a
 * result), or the reason it failed. Two outcomes agree when both results have the same text, or
 * both calls failed (hosts word their errors differently).
 */
record Outcome(String result, String failure) {

    static Outcome value(JsonNode value) {
        return new Outcome(value.toString(), null);
    }

    static Outcome failed(String reason) {
        return new Outcome(null, reason);
    }

    boolean agreesWith(Outcome other) {
        return result == null ? other.result == null : result.equals(other.result);
    }

    @Override
    public String toString() {
        return result != null ? result : "FAILED: " + failure;
    }
}
