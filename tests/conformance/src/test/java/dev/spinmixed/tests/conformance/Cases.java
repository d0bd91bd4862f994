package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spinmixed.wit.Function;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The generated calls for a world: for every exported function, the {@link
 * ValueGenerator#EDGE_COUNT} edge calls (the k-th call gives parameter i its (k + i)-th edge value)
 * and a number of seeded random calls, shuffled so that stateful checks such as pending-allocations
 * run after every kind of call.
 */
final class Cases {

    static final int RANDOM_CALLS_PER_FUNCTION = 40;

    /**
     * The random values' seed; {@code -Dconformance.seed=N} tries others. Failure messages name it.
     */
    static final long SEED = Long.getLong("conformance.seed", 20261127L);

    private Cases() {}

    static List<Call> generate(String world, long seed) {
        ValueGenerator generator = new ValueGenerator(seed);
        List<Call> calls = new ArrayList<>();
        for (ExportedFunction target : Guests.functions(world)) {
            Function f = target.function();
            for (int k = 0; k < ValueGenerator.EDGE_COUNT; k++) {
                List<JsonNode> args = new ArrayList<>();
                for (int i = 0; i < f.params().size(); i++) {
                    args.add(ValueGenerator.edge(f.params().get(i).type(), k + i));
                }
                calls.add(new Call(target, args));
            }
            for (int n = 0; n < RANDOM_CALLS_PER_FUNCTION; n++) {
                calls.add(
                        new Call(
                                target,
                                f.params().stream().map(p -> generator.random(p.type())).toList()));
            }
        }
        Collections.shuffle(calls, new Random(seed));
        return calls;
    }
}
