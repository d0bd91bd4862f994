package dev.spinmixed.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what jco and Chicory made of the same generated calls, and reports each difference in
 * full.
 */
final class Comparison {

    private static final int MISMATCHES_SHOWN = 15;

    private Comparison() {}

    /**
     * Fails unless every call has the same outcome on both hosts. The generated calls are all
     * valid, so a failure on jco means the cases or the runner are broken, and is reported as such.
     */
    static void assertAgree(List<Call> calls, List<Outcome> jco, List<Outcome> chicory, long seed) {
        assertEquals(calls.size(), jco.size());
        assertEquals(calls.size(), chicory.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            if (jco.get(i).result() == null) {
                fail(
                        "jco failed on a generated call (seed "
                                + seed
                                + "): "
                                + call.target().describe()
                                + " with "
                                + call.args()
                                + ": "
                                + jco.get(i).failure());
            }
            if (!jco.get(i).agreesWith(chicory.get(i))) {
                mismatches.add(
                        call.target().describe()
                                + "\n    input:   "
                                + call.args()
                                + "\n    jco:     "
                                + jco.get(i)
                                + "\n    chicory: "
                                + chicory.get(i));
            }
        }
        if (!mismatches.isEmpty()) {
            fail(
                    mismatches.size()
                            + " of "
                            + calls.size()
                            + " calls differ (seed "
                            + seed
                            + "), first "
                            + Math.min(MISMATCHES_SHOWN, mismatches.size())
                            + ":\n"
                            + String.join(
                                    "\n",
                                    mismatches.subList(
                                            0, Math.min(MISMATCHES_SHOWN, mismatches.size()))));
        }
    }
}
