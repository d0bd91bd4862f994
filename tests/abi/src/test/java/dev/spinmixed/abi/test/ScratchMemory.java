package dev.spinmixed.abi.test;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.spinmixed.abi.Allocator;
import dev.spinmixed.abi.GuestMemory;
import dev.spinmixed.abi.Layout;
import dev.spinmixed.abi.Lifter;
import dev.spinmixed.abi.Lowerer;

/** A real Chicory memory with a bump allocator standing in for a guest's cabi_realloc. */
final class ScratchMemory implements Allocator {

    final Memory memory = new ByteArrayMemory(new MemoryLimits(1, 256));
    final GuestMemory guest = new GuestMemory(memory, "scratch");
    private int next = 16;

    @Override
    public int allocate(int alignment, int size) {
        int ptr = Layout.alignTo(next, alignment);
        next = ptr + size;
        while (next > memory.pages() * Memory.PAGE_SIZE) {
            if (memory.grow(1) < 0) {
                throw new IllegalStateException("scratch memory full");
            }
        }
        return ptr;
    }

    Lowerer lowerer() {
        return new Lowerer(guest, this);
    }

    Lifter lifter() {
        return new Lifter(guest);
    }
}
