package dev.spinmixed.app.tests;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import java.util.List;

/** One {@code problem} of a rejection, for readable assertions. */
record Problem(String field, String reason) {

    /**
     * The problems of an {@code err(rejection)} result after checking its step; fails on {@code
     * ok}.
     */
    static List<Problem> of(Object result, String expectedStep) {
        Result r = (Result) result;
        if (r.isOk()) {
            throw new AssertionError(
                    "expected a rejection by step " + expectedStep + ", got ok: " + r.value());
        }
        Record rejection = (Record) r.value();
        if (!expectedStep.equals(rejection.get("step"))) {
            throw new AssertionError(
                    "expected step " + expectedStep + ", got " + rejection.get("step"));
        }
        return ((List<?>) rejection.get("problems"))
                .stream()
                        .map(
                                p ->
                                        new Problem(
                                                (String) ((Record) p).get("field"),
                                                (String) ((Record) p).get("reason")))
                        .toList();
    }

    /** The ok value of a result; fails with the problems on {@code err}. */
    static Record ok(Object result) {
        Result r = (Result) result;
        if (!r.isOk()) {
            throw new AssertionError("expected ok, got " + r.value());
        }
        return (Record) r.value();
    }
}
