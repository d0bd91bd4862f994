package dev.spinmixed.linker;

/** How Chicory runs a module that has no build-time compiled machine of its own. */
public enum ExecutionMode {
    /** Chicory's interpreter: no compile cost, slower calls. */
    INTERPRETER,
    /** Chicory's runtime compiler to JVM bytecode, once per component: slower start, fast calls. */
    COMPILED
}
