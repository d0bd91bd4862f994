package dev.spinmixed.tests.app.components;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.acme.orders.types.Rejection;
import java.util.List;

/** One {@code problem} of a rejection, for readable assertions. */
record Problem(String field, String reason) {

    /**
     * The problems of an {@code err(rejection)} result after checking its step; fails on {@code
     * ok}.
     */
    static List<Problem> of(WitResult<?, Rejection> result, String expectedStep) {
        if (result.isOk()) {
            throw new AssertionError(
                    "expected a rejection by step "
                            + expectedStep
                            + ", got ok: "
                            + result.orElseThrow());
        }
        Rejection rejection = result.errorOrThrow();
        if (!expectedStep.equals(rejection.step().witName())) {
            throw new AssertionError(
                    "expected step " + expectedStep + ", got " + rejection.step().witName());
        }
        return rejection.problems().stream().map(p -> new Problem(p.field(), p.reason())).toList();
    }

    /** The ok value of a result; fails with the problems on {@code err}. */
    static <T> T ok(WitResult<T, Rejection> result) {
        if (!result.isOk()) {
            throw new AssertionError("expected ok, got " + result.errorOrThrow());
        }
        return result.orElseThrow();
    }
}
