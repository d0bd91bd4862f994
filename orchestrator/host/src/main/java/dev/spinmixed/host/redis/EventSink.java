package dev.spinmixed.host.redis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a publish goes when the host runs without Redis ({@code --no-redis}): kept in memory (the
 * last {@value #CAPACITY} events) and logged, so the orchestrated route still completes.
 */
public final class EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);
    static final int CAPACITY = 1000;

    /** One published message. */
    public record Event(String channel, byte[] payload) {}

    private final Deque<Event> events = new ArrayDeque<>();

    /**
     * Whether the first event was logged at INFO: the rest go to DEBUG, as a line per request costs
     * more than the request.
     */
    private boolean announced;

    public synchronized void publish(String component, String channel, byte[] payload) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(new Event(channel, payload.clone()));
        if (!announced) {
            announced = true;
            LOG.info(
                    "no Redis (--no-redis): event from '{}' on channel '{}' ({} bytes) kept in the"
                            + " in-memory sink (start without --no-redis to publish it); further"
                            + " events are logged at debug level",
                    component,
                    channel,
                    payload.length);
        } else {
            LOG.debug(
                    "no Redis (--no-redis): event from '{}' on channel '{}' ({} bytes) kept in the"
                            + " in-memory sink",
                    component,
                    channel,
                    payload.length);
        }
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
