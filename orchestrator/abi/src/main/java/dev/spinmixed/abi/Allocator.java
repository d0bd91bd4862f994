package dev.spinmixed.abi;

/**
 * Allocates guest memory for lowered strings, lists and spilled arguments. In a real instance this
 * is the module's {@code cabi_realloc(0, 0, alignment, size)}; see {@link CabiRealloc}.
 */
@FunctionalInterface
public interface Allocator {

    /** Returns the address of {@code size} fresh bytes aligned to {@code alignment}. */
    int allocate(int alignment, int size);
}
