package dev.spinmixed.tests.app.orchestrator;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.fermyon.spin.redis_types.Error;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The guests' {@code fermyon:spin/redis.publish} import served in memory: it records every message,
 * in order, and can be told to refuse (as Redis does when it is unreachable).
 */
final class RecordingRedis {

    record Message(String address, String channel, String payload) {}

    private final List<Message> published = new ArrayList<>();
    private boolean refusing;

    /** publish(address, channel, payload) -> result<_, error>, served as a typed lambda. */
    WitResult<Void, Error> publish(String address, String channel, byte[] payload) {
        if (refusing) {
            return WitResult.err(Error.ERROR);
        }
        published.add(new Message(address, channel, new String(payload, StandardCharsets.UTF_8)));
        return WitResult.ok(null);
    }

    void refuse() {
        refusing = true;
    }

    List<Message> published() {
        return List.copyOf(published);
    }

    /** Removes and returns the oldest message not yet taken. */
    Message take() {
        return published.remove(0);
    }

    boolean isEmpty() {
        return published.isEmpty();
    }
}
