package dev.spinmixed.app.orchestrator;

import dev.spinmixed.abi.Result;
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

    /** publish(address, channel, payload) -> result<_, error>. */
    Object publish(List<Object> args) {
        if (refusing) {
            return Result.err("error");
        }
        published.add(
                new Message(
                        (String) args.get(0),
                        (String) args.get(1),
                        new String((byte[]) args.get(2), StandardCharsets.UTF_8)));
        return Result.ok();
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
