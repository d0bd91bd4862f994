package dev.spinmixed.abi;

import dev.spinmixed.wit.WitType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@link Shape}s by type instance. A {@link FunctionAbi} computes the shapes of all the types in
 * its signature up front and shares them, read-only, between threads; a lone {@link Lifter} or
 * {@link Lowerer} fills its own as it goes.
 */
public final class Shapes {

    private final Map<WitType, Shape> shapes = new IdentityHashMap<>();
    private final boolean frozen;

    private Shapes(boolean frozen) {
        this.frozen = frozen;
    }

    /** Shapes of every type reachable from {@code roots}; safe to share between threads. */
    public static Shapes of(Collection<? extends WitType> roots) {
        Shapes out = new Shapes(true);
        Deque<WitType> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            WitType t = todo.pop();
            if (!(t instanceof WitType.Primitive) && !out.shapes.containsKey(t)) {
                out.shapes.put(t, new Shape(t));
                todo.addAll(TypeTree.children(t));
            }
        }
        return out;
    }

    /** An empty cache for one thread that computes shapes on first use. */
    public static Shapes onDemand() {
        return new Shapes(false);
    }

    Shape of(WitType type) {
        Shape shape = shapes.get(type);
        if (shape == null) {
            shape = new Shape(type);
            if (!frozen) {
                shapes.put(type, shape);
            }
        }
        return shape;
    }
}
