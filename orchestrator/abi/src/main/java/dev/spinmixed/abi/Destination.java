package dev.spinmixed.abi;

/**
 * The guest a {@link FusedAdapter} writes into: its memory and its allocator ({@code
 * cabi_realloc}). What the allocator returns is checked like any other guest pointer, with the
 * messages {@link Lowerer} uses.
 */
public record Destination(GuestMemory memory, Allocator allocator) {

    /** Fresh memory for {@code count} units of {@code node}'s value (a string's bytes, a list). */
    int allocate(int alignment, long size, Transfer node, long count) {
        if (size > Integer.MAX_VALUE) {
            throw memory.fault(
                    node.allocationWhat(count)
                            + " needs "
                            + size
                            + " bytes, over the 2^31-1 byte limit");
        }
        int ptr = allocator.allocate(alignment, (int) size);
        if (!memory.holds(ptr, size, alignment)) {
            String result = CabiRealloc.EXPORT_NAME + " result for " + node.allocationWhat(count);
            memory.checkAligned(ptr, alignment, result);
            memory.checkRange(ptr, size, result);
        }
        return ptr;
    }

    /** Fresh memory for spilled arguments. */
    int allocate(int alignment, int size, String what) {
        int ptr = allocator.allocate(alignment, size);
        if (!memory.holds(ptr, size, alignment)) {
            String result = CabiRealloc.EXPORT_NAME + " result for " + what;
            memory.checkAligned(ptr, alignment, result);
            memory.checkRange(ptr, size, result);
        }
        return ptr;
    }
}
