package dev.spinmixed.tests.abi;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.spinmixed.abi.Allocator;
import dev.spinmixed.abi.Destination;
import dev.spinmixed.abi.GuestMemory;
import dev.spinmixed.abi.Layout;
import dev.spinmixed.abi.Lifter;
import dev.spinmixed.abi.Lowerer;

/**
 * A real Chicory memory with a bump allocator standing in for a guest's cabi_realloc; it can be
 * told to answer one allocation with a bad pointer, as a misbehaving guest's allocator would.
 */
final class ScratchMemory implements Allocator {

    final Memory memory = new ByteArrayMemory(new MemoryLimits(1, 256));
    final GuestMemory guest;
    private int next = 16;
    private int allocations;
    private int badAllocation = -1;
    private int badPointer;

    ScratchMemory() {
        this("scratch");
    }

    ScratchMemory(String where) {
        this.guest = new GuestMemory(memory, where);
    }

    /** Answers allocation number {@code n} (from 0) with {@code pointer}. */
    void failAllocation(int n, int pointer) {
        this.badAllocation = n;
        this.badPointer = pointer;
    }

    /** The end of what has been allocated. */
    int used() {
        return next;
    }

    @Override
    public int allocate(int alignment, int size) {
        if (allocations++ == badAllocation) {
            return badPointer;
        }
        int ptr = Layout.alignTo(next, alignment);
        next = ptr + size;
        while (next > memory.pages() * Memory.PAGE_SIZE) {
            if (memory.grow(1) < 0) {
                throw new IllegalStateException("scratch memory full");
            }
        }
        return ptr;
    }

    Destination destination() {
        return new Destination(guest, this);
    }

    Lowerer lowerer() {
        return new Lowerer(guest, this);
    }

    Lifter lifter() {
        return new Lifter(guest);
    }
}
