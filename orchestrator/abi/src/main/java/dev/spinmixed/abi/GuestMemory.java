package dev.spinmixed.abi;

import com.dylibso.chicory.runtime.Memory;

/**
 * A guest's linear memory as seen by the ABI: every pointer and length that comes from a guest is
 * checked here before it is used, so a bad one becomes an {@link AbiException} naming {@code where}
 * (e.g. the component and function) instead of an index error deep inside the runtime. Pointers are
 * unsigned 32-bit values.
 */
public final class GuestMemory {

    private final Memory memory;
    private final String where;

    /** {@code memory} may be null for a module without one; using it is then a clear error. */
    public GuestMemory(Memory memory, String where) {
        this.memory = memory;
        this.where = where;
    }

    public Memory memory() {
        if (memory == null) {
            throw fault("the module exports no memory named 'memory', but this value needs one");
        }
        return memory;
    }

    public String where() {
        return where;
    }

    public long byteSize() {
        return (long) memory().pages() * Memory.PAGE_SIZE;
    }

    /**
     * Whether {@code [ptr, ptr + length)} lies inside memory and ptr is aligned: the check without
     * its message.
     */
    public boolean holds(long ptr, long length, int alignment) {
        long start = ptr & 0xFFFFFFFFL;
        return length >= 0 && start + length <= byteSize() && start % alignment == 0;
    }

    /** Checks that {@code [ptr, ptr + length)} lies inside memory; returns ptr as an int. */
    public int checkRange(long ptr, long length, String what) {
        long start = ptr & 0xFFFFFFFFL;
        if (length < 0 || start + length > byteSize()) {
            throw fault(
                    what
                            + " at 0x"
                            + Long.toHexString(start)
                            + " with "
                            + length
                            + " bytes runs past the end of memory ("
                            + byteSize()
                            + " bytes)");
        }
        return (int) start;
    }

    public void checkAligned(long ptr, int alignment, String what) {
        if ((ptr & 0xFFFFFFFFL) % alignment != 0) {
            throw fault(
                    what
                            + " at 0x"
                            + Long.toHexString(ptr & 0xFFFFFFFFL)
                            + " is not aligned to "
                            + alignment
                            + " bytes");
        }
    }

    public AbiException fault(String problem) {
        return new AbiException(where, problem);
    }
}
