package dev.spinmixed.tests.app.orchestrator;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.fermyon.spin.config.Error;
import java.util.HashMap;
import java.util.Map;

/** A component's Spin variables behind {@code fermyon:spin/config.get-config}. */
final class SpinVariables {

    static final String REDIS_ADDRESS = "redis://redis.orders.svc:6379";

    private final Map<String, String> values;

    private SpinVariables(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    /** What apps/spin.toml gives a component, with the application variables' defaults. */
    static SpinVariables of(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new SpinVariables(values);
    }

    static SpinVariables orchestrator() {
        return of("redis_address", REDIS_ADDRESS, "events_channel", "orders.events");
    }

    SpinVariables without(String name) {
        SpinVariables copy = new SpinVariables(values);
        copy.values.remove(name);
        return copy;
    }

    /**
     * get-config(key) -> result<string, error>; an unknown key is the invalid-key case, as in Spin.
     */
    WitResult<String, Error> get(String key) {
        String value = values.get(key);
        return value != null
                ? WitResult.ok(value)
                : WitResult.err(new Error.InvalidKey("no variable named " + key));
    }
}
