package dev.spinmixed.abi;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;

/**
 * Core names of WIT functions (as wit-parser's legacy mangling spells them): an interface function
 * is exported as {@code ns:pkg/iface@ver#func} and imported from module {@code ns:pkg/iface@ver},
 * field {@code func}; a world-level function is exported as {@code func} and imported from {@code
 * $root}. Post-return functions are {@code cabi_post_} + the export name.
 */
public final class AbiNames {

    public static final String ROOT_MODULE = "$root";
    public static final String POST_RETURN_PREFIX = "cabi_post_";
    public static final String MEMORY = "memory";

    private AbiNames() {}

    public static String exportName(Interface iface, Function function) {
        return iface.qualifiedName() + "#" + function.name();
    }

    public static String exportName(Function worldFunction) {
        return worldFunction.name();
    }

    public static String postReturnName(String exportName) {
        return POST_RETURN_PREFIX + exportName;
    }

    public static String importModule(Interface iface) {
        return iface.qualifiedName();
    }
}
