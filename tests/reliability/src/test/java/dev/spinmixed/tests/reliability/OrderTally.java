package dev.spinmixed.tests.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to the orders sent through one wiring, from the caller's answers and the events
 * seen on the events channel. An order is lost when the caller was told it was taken (200/422 for
 * the orchestrated wiring, 202 for hops) but no event ever came; duplicated when more than one did.
 */
final class OrderTally {

    int sent;
    int completed;
    int rejected;
    int reportedFailed;
    int lost;
    int duplicated;

    /** Reported failed to the caller, but an event came anyway (not lost, not silent). */
    int reportedFailedButPublished;

    /**
     * @param accepted the caller was told the order was taken (else it was told it failed)
     * @param events the events seen for the order
     */
    void count(boolean accepted, List<String> events) {
        sent++;
        if (events.size() > 1) {
            duplicated++;
        }
        if (!accepted) {
            reportedFailed++;
            if (!events.isEmpty()) {
                reportedFailedButPublished++;
            }
            return;
        }
        if (events.isEmpty()) {
            lost++;
        } else if (events.get(0).equals("order-completed")) {
            completed++;
        } else {
            rejected++;
        }
    }

    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sent", sent);
        f.put("completed", completed);
        f.put("rejected", rejected);
        f.put("reported failed to the caller", reportedFailed);
        f.put("lost", lost);
        f.put("duplicated", duplicated);
        f.put("reported failed but published", reportedFailedButPublished);
        return f;
    }

    @Override
    public String toString() {
        return figures().toString();
    }
}
