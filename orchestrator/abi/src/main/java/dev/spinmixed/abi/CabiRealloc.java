package dev.spinmixed.abi;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;

/** The {@link Allocator} of an instance: its exported {@code cabi_realloc}. */
public final class CabiRealloc implements Allocator {

    public static final String EXPORT_NAME = "cabi_realloc";

    private final ExportFunction realloc;
    private final String where;

    private CabiRealloc(ExportFunction realloc, String where) {
        this.realloc = realloc;
        this.where = where;
    }

    /** {@code where} names the instance in errors; a missing export fails on first use. */
    public static Allocator of(Instance instance, String where) {
        if (!hasExport(instance)) {
            return (alignment, size) -> {
                throw new AbiException(
                        where,
                        "a value needs guest memory but the module exports no " + EXPORT_NAME);
            };
        }
        return new CabiRealloc(instance.export(EXPORT_NAME), where);
    }

    private static boolean hasExport(Instance instance) {
        var exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(EXPORT_NAME)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int allocate(int alignment, int size) {
        long[] result = realloc.apply(0, 0, alignment, size);
        if (result == null || result.length != 1) {
            throw new AbiException(where, EXPORT_NAME + " returned no pointer");
        }
        return (int) result[0];
    }
}
