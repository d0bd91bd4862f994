package dev.spinmixed.bindgen;

import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.abi.TypeTree;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.EnumType;
import dev.spinmixed.wit.WitType.FlagsType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.OptionType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.WitType.ResultType;
import dev.spinmixed.wit.WitType.TupleType;
import dev.spinmixed.wit.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * AssemblyScript glue for one world: {@code bindings.ts} with a class per record, tuple, variant
 * and result, an enum per enum, {@code u32} bits per flags type, {@code T | null} for options (an
 * {@code Option<T>} box around value types), a function per import in a namespace per interface;
 * {@code exports.ts}, the module's entry, which exports the world's functions under names
 * AssemblyScript can spell and calls the guest's implementations in {@code index.ts}; and {@code
 * renames.txt}, mapping those names to the canonical ABI's ({@code ns:pkg/iface@ver#func}).
 *
 * <p>Memory: every raw block of an export call (the arguments the host lowers, the result, the
 * results and arguments of imports) is freed at once by the post-return, which then runs the
 * garbage collector (the minimal runtime never collects on its own).
 */
final class AssemblyScriptGenerator {

    private final Contract contract;
    private final World world;
    private final Map<String, WitType> classes = new LinkedHashMap<>();
    private int fresh;

    private AssemblyScriptGenerator(Contract contract, World world) {
        this.contract = contract;
        this.world = world;
    }

    static Map<String, String> generate(Contract contract, World world, String source) {
        AssemblyScriptGenerator g = new AssemblyScriptGenerator(contract, world);
        Map<String, String> files = new LinkedHashMap<>();
        String dir = "assemblyscript/" + world.name() + "/";
        String exports = g.exports(source);
        files.put(dir + "bindings.ts", g.bindings(source));
        files.put(dir + "exports.ts", exports);
        files.put(dir + "renames.txt", g.renames());
        return files;
    }

    private String var(String prefix) {
        return prefix + (fresh++);
    }

    // ---- types

    private String typeName(WitType t) {
        return t.accept(
                new GlueVisitor<String>() {
                    @Override
                    String scalar(Primitive p) {
                        return switch (p) {
                            case BOOL -> "bool";
                            case S8 -> "i8";
                            case U8 -> "u8";
                            case S16 -> "i16";
                            case U16 -> "u16";
                            case S32 -> "i32";
                            case U32, CHAR -> "u32";
                            case S64 -> "i64";
                            case U64 -> "u64";
                            case F32 -> "f32";
                            case F64 -> "f64";
                            case STRING -> "string";
                        };
                    }

                    @Override
                    String list(ListType type, WitType element) {
                        return element == Primitive.U8
                                ? "Uint8Array"
                                : "Array<" + typeName(element) + ">";
                    }

                    @Override
                    String fields(WitType type, List<WitType> types, List<String> names) {
                        return declare(type);
                    }

                    @Override
                    String cases(WitType type, Abi.VariantLayout layout) {
                        if (type instanceof OptionType o) {
                            return isReference(o.some())
                                    ? typeName(o.some()) + " | null"
                                    : "Option<" + typeName(o.some()) + "> | null";
                        }
                        if (type instanceof EnumType) {
                            return Names.pascal(((EnumType) type).name());
                        }
                        return declare(type);
                    }

                    @Override
                    String flagSet(FlagsType type) {
                        return "u32";
                    }
                });
    }

    /** A class for a record, tuple, variant or result: named after it, declared once. */
    private String declare(WitType t) {
        String name = className(t);
        classes.putIfAbsent(name, t);
        return name;
    }

    private String className(WitType t) {
        Optional<String> named = NamedTypes.name(t);
        if (named.isPresent()) {
            return Names.pascal(named.get());
        }
        return t.accept(
                new GlueVisitor<String>() {
                    @Override
                    String scalar(Primitive p) {
                        return Names.pascal(p.witName());
                    }

                    @Override
                    String list(ListType type, WitType element) {
                        return "List" + className(element);
                    }

                    @Override
                    String fields(WitType type, List<WitType> types, List<String> names) {
                        return "Tuple"
                                + types.stream()
                                        .map(AssemblyScriptGenerator.this::className)
                                        .collect(Collectors.joining());
                    }

                    @Override
                    String cases(WitType type, Abi.VariantLayout layout) {
                        if (type instanceof OptionType o) {
                            return "Option" + className(o.some());
                        }
                        ResultType r = (ResultType) type;
                        return "Result"
                                + r.ok().map(AssemblyScriptGenerator.this::className).orElse("Void")
                                + r.err()
                                        .map(AssemblyScriptGenerator.this::className)
                                        .orElse("Void");
                    }

                    @Override
                    String flagSet(FlagsType type) {
                        return Names.pascal(type.name());
                    }
                });
    }

    private static boolean isReference(WitType t) {
        return t.accept(
                new GlueVisitor<Boolean>() {
                    @Override
                    Boolean scalar(Primitive p) {
                        return p == Primitive.STRING;
                    }

                    @Override
                    Boolean list(ListType type, WitType element) {
                        return true;
                    }

                    @Override
                    Boolean fields(WitType type, List<WitType> types, List<String> names) {
                        return true;
                    }

                    @Override
                    Boolean cases(WitType type, Abi.VariantLayout layout) {
                        return !(type instanceof EnumType) && !(type instanceof OptionType);
                    }

                    @Override
                    Boolean flagSet(FlagsType type) {
                        return false;
                    }
                });
    }

    /** The type of a class field that may be absent: nullable for references, zero for values. */
    private String slotType(WitType t) {
        if (t instanceof OptionType) {
            return typeName(t);
        }
        return isReference(t) ? typeName(t) + " | null" : typeName(t);
    }

    private String zero(WitType t) {
        if (t instanceof OptionType || isReference(t)) {
            return "null";
        }
        if (t instanceof EnumType) {
            return "0";
        }
        return t == Primitive.BOOL ? "false" : "0";
    }

    private static String field(String wit) {
        return Names.ts(Names.camel(wit));
    }

    private static String core(FlatType t) {
        return switch (t) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
        };
    }

    // ---- bindings.ts

    private String bindings(String source) {
        Code c = new Code("  ");
        c.line(
                "// Generated by dev.spinmixed.bindgen from "
                        + source
                        + ", world "
                        + world.name()
                        + "; do not edit.");
        c.line("");
        runtime(c);
        for (World.WorldItem item : world.imports()) {
            Optional<Interface> iface = Contract.iface(item);
            c.line("/** Import " + iface.map(Interface::qualifiedName).orElse("$root") + ". */");
            c.open(
                    "export namespace "
                            + Names.ts(Names.camel(iface.map(Interface::name).orElse(world.name())))
                            + " {");
            for (Function f : Contract.functions(item)) {
                importGlue(c, iface, f);
            }
            c.close("}");
            c.line("");
        }
        for (WitType t : worldTypes()) {
            if (t instanceof EnumType e) {
                c.line("/** WIT `" + WitText.describe(e) + "`. */");
                c.open("export enum " + Names.pascal(e.name()) + " {");
                e.cases().forEach(k -> c.line(Names.pascal(k) + ","));
                c.close("}");
                c.line("");
            } else if (t instanceof FlagsType f) {
                c.line(
                        "/** The flags of WIT `"
                                + WitText.describe(f)
                                + "` (a value is their u32 bits). */");
                c.open("export namespace " + Names.pascal(f.name()) + " {");
                for (int i = 0; i < f.flags().size(); i++) {
                    c.line(
                            "export const "
                                    + Names.upperSnake(f.flags().get(i))
                                    + ": u32 = "
                                    + (1L << i)
                                    + ";");
                }
                c.close("}");
                c.line("");
            } else {
                typeName(t);
            }
        }
        // Declaring a class can name others (its fields' types): until none is left undeclared.
        Set<String> done = new HashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            String name = new ArrayList<>(classes.keySet()).get(i);
            if (done.add(name)) {
                declareClass(c, name, classes.get(name));
            }
        }
        return c.toString();
    }

    private List<WitType> worldTypes() {
        List<Function> functions = new ArrayList<>();
        world.imports().forEach(i -> functions.addAll(Contract.functions(i)));
        world.exports().forEach(i -> functions.addAll(Contract.functions(i)));
        return TypeTree.reachable(Contract.reachable(functions));
    }

    private void runtime(Code c) {
        c.line("/** Raw heap blocks of the current export call, freed by its post-return. */");
        c.line("const blocks = new Array<usize>();");
        c.line("");
        c.open("export namespace CallMemory {");
        c.line(
                "/** A raw block (16-byte aligned, enough for every canonical type) freed at"
                        + " post-return. */");
        c.open("export function alloc(size: usize): usize {");
        c.line("const ptr = heap.alloc(max<usize>(size, 1));");
        c.line("blocks.push(ptr);");
        c.line("return ptr;");
        c.close("}");
        c.line("");
        c.open("export function freeAll(): void {");
        c.open("for (let i = 0; i < blocks.length; i++) {");
        c.line("heap.free(blocks[i]);");
        c.close("}");
        c.line("blocks.length = 0;");
        c.line("__collect();");
        c.close("}");
        c.close("}");
        c.line("");
        c.open(
                "export function cabi_realloc(oldPtr: usize, oldSize: usize, align: usize, newSize:"
                        + " usize): usize {");
        c.line("if (align > 16) unreachable();");
        c.open("if (oldPtr == 0) {");
        c.line("return CallMemory.alloc(newSize);");
        c.close("}");
        c.line("const ptr = heap.realloc(oldPtr, max<usize>(newSize, 1));");
        c.line("blocks[blocks.indexOf(oldPtr)] = ptr;");
        c.line("return ptr;");
        c.close("}");
        c.line("");
        c.line(
                "/** Replaces AssemblyScript's `env.abort` import, which no world provides: a"
                        + " failed assertion traps. */");
        c.open(
                "export function abort(_message: string | null, _file: string | null, _line: u32,"
                        + " _column: u32): void {");
        c.line("unreachable();");
        c.close("}");
        c.line("");
        c.line("/** Reads a lowered string (valid UTF-8, the canonical ABI guarantees it). */");
        c.open("export function readString(ptr: usize, len: usize): string {");
        c.line("return String.UTF8.decodeUnsafe(ptr, len);");
        c.close("}");
        c.line("");
        c.line(
                "/** Writes `text` as UTF-8 into a call block and stores its (ptr, len) at `at`."
                        + " */");
        c.open("export function writeString(at: usize, text: string): void {");
        c.line("const len = <usize>String.UTF8.byteLength(text);");
        c.line("const ptr = CallMemory.alloc(len);");
        c.line("String.UTF8.encodeUnsafe(changetype<usize>(text), text.length, ptr);");
        c.line("store<u32>(at, <u32>ptr);");
        c.line("store<u32>(at, <u32>len, 4);");
        c.close("}");
        c.line("");
        c.line("/** A value of an option whose payload is not a reference type. */");
        c.open("export class Option<T> {");
        c.line("constructor(public value: T) {}");
        c.close("}");
        c.line("");
    }

    private void declareClass(Code c, String name, WitType t) {
        t.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive p) {
                        throw new IllegalStateException();
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        throw new IllegalStateException();
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> names) {
                        c.line("/** WIT `" + WitText.describe(type) + "`. */");
                        c.open("export class " + name + " {");
                        c.open("constructor(");
                        for (int i = 0; i < types.size(); i++) {
                            c.line(
                                    "public "
                                            + (names == null ? "f" + i : field(names.get(i)))
                                            + ": "
                                            + typeName(types.get(i))
                                            + ",");
                        }
                        c.close(") {}");
                        c.close("}");
                        c.line("");
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        c.line(
                                "/** WIT `"
                                        + WitText.describe(type)
                                        + "`: `tag` is the case"
                                        + (type instanceof ResultType ? " (0 ok, 1 err)" : "")
                                        + ". */");
                        c.open("export class " + name + " {");
                        List<String> ctor = new ArrayList<>();
                        ctor.add("public tag: u32");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            int index = i;
                            layout.payload(i)
                                    .ifPresent(
                                            p ->
                                                    ctor.add(
                                                            "public "
                                                                    + caseField(type, layout, index)
                                                                    + ": "
                                                                    + slotType(p)));
                        }
                        c.line("constructor(" + String.join(", ", ctor) + ") {}");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            Optional<WitType> p = layout.payload(i);
                            String args = caseArgs(type, layout, i, "value");
                            c.line(
                                    "static "
                                            + Names.ts(Names.camel(layout.cases().names().get(i)))
                                            + "("
                                            + p.map(t -> "value: " + typeName(t)).orElse("")
                                            + "): "
                                            + name
                                            + " { return new "
                                            + name
                                            + "("
                                            + args
                                            + "); }");
                        }
                        c.close("}");
                        c.line("");
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        throw new IllegalStateException();
                    }
                });
    }

    private String caseField(WitType type, Abi.VariantLayout layout, int i) {
        if (type instanceof ResultType) {
            return i == 0 ? "value" : "error";
        }
        return Names.ts(Names.camel(layout.cases().names().get(i)));
    }

    /** Constructor arguments selecting case {@code i} with {@code value} as its payload. */
    private String caseArgs(WitType type, Abi.VariantLayout layout, int i, String value) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(i));
        for (int k = 0; k < layout.cases().size(); k++) {
            if (layout.payload(k).isPresent()) {
                args.add(k == i ? value : zero(layout.payload(k).get()));
            }
        }
        return String.join(", ", args);
    }

    // ---- lifting and lowering: statements into `c`, values in variables

    /** Statements loading a value from {@code addr}; returns the variable holding it. */
    private String load(Code c, String p, WitType t, String addr) {
        String v = var("v");
        t.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive prim) {
                        String value =
                                switch (prim) {
                                    case BOOL -> "load<u8>(" + addr + ") != 0";
                                    case STRING ->
                                            p
                                                    + "readString(<usize>load<u32>("
                                                    + addr
                                                    + "), <usize>load<u32>("
                                                    + addr
                                                    + ", 4))";
                                    default -> "load<" + typeName(prim) + ">(" + addr + ")";
                                };
                        c.line("const " + v + " = " + value + ";");
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        liftList(
                                c,
                                p,
                                v,
                                element,
                                "<usize>load<u32>(" + addr + ")",
                                "<usize>load<u32>(" + addr + ", 4)");
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> names) {
                        int[] offsets = Abi.offsets(types);
                        List<String> values = new ArrayList<>();
                        for (int i = 0; i < types.size(); i++) {
                            values.add(load(c, p, types.get(i), addr + " + " + offsets[i]));
                        }
                        c.line(
                                "const "
                                        + v
                                        + " = new "
                                        + p
                                        + declare(type)
                                        + "("
                                        + String.join(", ", values)
                                        + ");");
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        String d = var("d");
                        String size =
                                layout.discriminantSize() == 1
                                        ? "u8"
                                        : layout.discriminantSize() == 2 ? "u16" : "u32";
                        c.line("const " + d + " = <u32>load<" + size + ">(" + addr + ");");
                        caseValue(
                                c,
                                p,
                                v,
                                type,
                                layout,
                                d,
                                i -> {
                                    WitType payload = layout.payload(i).get();
                                    return load(
                                            c, p, payload, addr + " + " + layout.payloadOffset());
                                });
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        int size = Abi.size(type);
                        c.line(
                                "const "
                                        + v
                                        + " = <u32>load<"
                                        + (size <= 1 ? "u8" : size == 2 ? "u16" : "u32")
                                        + ">("
                                        + addr
                                        + ");");
                        return null;
                    }
                });
        return v;
    }

    private void liftList(Code c, String p, String v, WitType element, String ptr, String len) {
        String base = var("base");
        String n = var("n");
        c.line("const " + base + " = " + ptr + ";");
        c.line("const " + n + " = " + len + ";");
        if (element == Primitive.U8) {
            c.line("const " + v + " = new Uint8Array(<i32>" + n + ");");
            c.line("memory.copy(" + v + ".dataStart, " + base + ", " + n + ");");
            return;
        }
        String i = var("i");
        c.line("const " + v + " = new Array<" + qualified(p, element) + ">();");
        c.open("for (let " + i + ": usize = 0; " + i + " < " + n + "; " + i + "++) {");
        String e = load(c, p, element, base + " + " + i + " * " + Abi.size(element));
        c.line(v + ".push(" + e + ");");
        c.close("}");
    }

    private String qualified(String p, WitType t) {
        String name = typeName(t);
        if (p.isEmpty() || t instanceof Primitive) {
            return name;
        }
        if (t instanceof ListType l) {
            return l.element() == Primitive.U8 ? name : "Array<" + qualified(p, l.element()) + ">";
        }
        if (t instanceof OptionType o) {
            return isReference(o.some())
                    ? qualified(p, o.some()) + " | null"
                    : p + "Option<" + qualified(p, o.some()) + "> | null";
        }
        if (t instanceof FlagsType) {
            return name;
        }
        return p + name;
    }

    /**
     * Builds the value of case {@code d} into {@code v}; {@code payload} loads case i's payload.
     */
    private void caseValue(
            Code c,
            String p,
            String v,
            WitType type,
            Abi.VariantLayout layout,
            String d,
            java.util.function.IntFunction<String> payload) {
        if (type instanceof EnumType) {
            c.line("if (" + d + " >= " + layout.cases().size() + ") unreachable();");
            c.line("const " + v + " = <" + p + typeName(type) + ">" + d + ";");
            return;
        }
        int last = layout.cases().size() - 1;
        c.line("if (" + d + " > " + last + ") unreachable();");
        c.line("let " + v + ": " + qualified(p, type) + ";");
        for (int i = 0; i <= last; i++) {
            if (i == 0) {
                c.open(last == 0 ? "{" : "if (" + d + " == " + i + ") {");
            } else if (i < last) {
                c.middle("} else if (" + d + " == " + i + ") {");
            } else {
                c.middle("} else {");
            }
            String value;
            if (type instanceof OptionType o) {
                if (i == 0) {
                    value = "null";
                } else {
                    String inner = payload.apply(i);
                    value =
                            isReference(o.some())
                                    ? inner
                                    : "new "
                                            + p
                                            + "Option<"
                                            + qualified(p, o.some())
                                            + ">("
                                            + inner
                                            + ")";
                }
            } else {
                String inner = layout.payload(i).isPresent() ? payload.apply(i) : null;
                value = "new " + p + declare(type) + "(" + caseArgs(type, layout, i, inner) + ")";
            }
            c.line(v + " = " + value + ";");
        }
        c.close("}");
    }

    /** Statements storing {@code value} at {@code addr}, strings and lists in call blocks. */
    private void store(Code c, String p, WitType t, String value, String addr) {
        t.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive prim) {
                        switch (prim) {
                            case BOOL -> c.line("store<u8>(" + addr + ", " + value + " ? 1 : 0);");
                            case STRING -> c.line(p + "writeString(" + addr + ", " + value + ");");
                            default ->
                                    c.line(
                                            "store<"
                                                    + typeName(prim)
                                                    + ">("
                                                    + addr
                                                    + ", "
                                                    + value
                                                    + ");");
                        }
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        String[] range = lowerList(c, p, element, value);
                        c.line("store<u32>(" + addr + ", <u32>" + range[0] + ");");
                        c.line("store<u32>(" + addr + ", <u32>" + range[1] + ", 4);");
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> names) {
                        int[] offsets = Abi.offsets(types);
                        String r = var("r");
                        c.line("const " + r + " = " + value + ";");
                        for (int i = 0; i < types.size(); i++) {
                            store(
                                    c,
                                    p,
                                    types.get(i),
                                    r + "." + (names == null ? "f" + i : field(names.get(i))),
                                    addr + " + " + offsets[i]);
                        }
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        String size =
                                layout.discriminantSize() == 1
                                        ? "u8"
                                        : layout.discriminantSize() == 2 ? "u16" : "u32";
                        String x = var("x");
                        c.line("const " + x + " = " + value + ";");
                        if (type instanceof EnumType) {
                            c.line("store<" + size + ">(" + addr + ", <" + size + ">" + x + ");");
                            return null;
                        }
                        if (type instanceof OptionType o) {
                            c.open("if (" + x + " == null) {");
                            c.line("store<u8>(" + addr + ", 0);");
                            c.middle("} else {");
                            c.line("store<u8>(" + addr + ", 1);");
                            String some =
                                    isReference(o.some())
                                            ? "(" + x + " as " + qualified(p, o.some()) + ")"
                                            : "("
                                                    + x
                                                    + " as "
                                                    + p
                                                    + "Option<"
                                                    + qualified(p, o.some())
                                                    + ">).value";
                            store(c, p, o.some(), some, addr + " + " + layout.payloadOffset());
                            c.close("}");
                            return null;
                        }
                        c.line("store<" + size + ">(" + addr + ", <" + size + ">" + x + ".tag);");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            if (layout.payload(i).isEmpty()) {
                                continue;
                            }
                            WitType payload = layout.payload(i).get();
                            c.open("if (" + x + ".tag == " + i + ") {");
                            String get =
                                    x
                                            + "."
                                            + caseField(type, layout, i)
                                            + (isReference(payload)
                                                            && !(payload instanceof OptionType)
                                                    ? "!"
                                                    : "");
                            store(c, p, payload, get, addr + " + " + layout.payloadOffset());
                            c.close("}");
                        }
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        int size = Abi.size(type);
                        String s = size <= 1 ? "u8" : size == 2 ? "u16" : "u32";
                        c.line("store<" + s + ">(" + addr + ", <" + s + ">" + value + ");");
                        return null;
                    }
                });
    }

    /** Lays a list out in a call block; returns the (ptr, len) expressions. */
    private String[] lowerList(Code c, String p, WitType element, String value) {
        String list = var("list");
        String ptr = var("ptr");
        c.line("const " + list + " = " + value + ";");
        if (element == Primitive.U8) {
            c.line("const " + ptr + " = " + p + "CallMemory.alloc(<usize>" + list + ".length);");
            c.line("memory.copy(" + ptr + ", " + list + ".dataStart, <usize>" + list + ".length);");
            return new String[] {ptr, list + ".length"};
        }
        int size = Abi.size(element);
        String i = var("i");
        c.line(
                "const "
                        + ptr
                        + " = "
                        + p
                        + "CallMemory.alloc(<usize>"
                        + list
                        + ".length * "
                        + size
                        + ");");
        c.open("for (let " + i + " = 0; " + i + " < " + list + ".length; " + i + "++) {");
        store(c, p, element, list + "[" + i + "]", ptr + " + <usize>" + i + " * " + size);
        c.close("}");
        return new String[] {ptr, list + ".length"};
    }

    /** Statements lifting a value from the next flat values; returns the variable holding it. */
    private String liftFlat(Code c, String p, WitType t, Deque<String> flat) {
        String v = var("v");
        t.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive prim) {
                        String value =
                                switch (prim) {
                                    case BOOL -> flat.pop() + " != 0";
                                    case STRING ->
                                            p
                                                    + "readString(<usize>"
                                                    + flat.pop()
                                                    + ", <usize>"
                                                    + flat.pop()
                                                    + ")";
                                    case S32, S64, F32, F64 -> flat.pop();
                                    default -> "<" + typeName(prim) + ">" + flat.pop();
                                };
                        c.line("const " + v + " = " + value + ";");
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        liftList(c, p, v, element, "<usize>" + flat.pop(), "<usize>" + flat.pop());
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> names) {
                        List<String> values = new ArrayList<>();
                        for (WitType f : types) {
                            values.add(liftFlat(c, p, f, flat));
                        }
                        c.line(
                                "const "
                                        + v
                                        + " = new "
                                        + p
                                        + declare(type)
                                        + "("
                                        + String.join(", ", values)
                                        + ");");
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        String d = flat.pop();
                        List<String> slots = new ArrayList<>();
                        for (int i = 0; i < layout.joined().size(); i++) {
                            slots.add(flat.pop());
                        }
                        caseValue(
                                c,
                                p,
                                v,
                                type,
                                layout,
                                "<u32>" + d,
                                i -> {
                                    WitType payload = layout.payload(i).get();
                                    List<FlatType> want = Abi.flat(payload);
                                    Deque<String> coerced = new ArrayDeque<>();
                                    for (int s = 0; s < want.size(); s++) {
                                        coerced.add(
                                                coerce(
                                                        layout.joined().get(s),
                                                        want.get(s),
                                                        slots.get(s)));
                                    }
                                    return liftFlat(c, p, payload, coerced);
                                });
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        c.line("const " + v + " = <u32>" + flat.pop() + ";");
                        return null;
                    }
                });
        return v;
    }

    private static String coerce(FlatType have, FlatType want, String slot) {
        if (have == want) {
            return slot;
        }
        if (want == FlatType.F32) {
            return "reinterpret<f32>(<i32>" + slot + ")";
        }
        if (want == FlatType.F64) {
            return "reinterpret<f64>(" + slot + ")";
        }
        return "<i32>" + slot;
    }

    private static String widen(FlatType have, FlatType slot, String value) {
        if (have == slot) {
            return value;
        }
        if (have == FlatType.F32) {
            return slot == FlatType.I32
                    ? "reinterpret<i32>(" + value + ")"
                    : "<i64><u32>reinterpret<i32>(" + value + ")";
        }
        if (have == FlatType.F64) {
            return "reinterpret<i64>(" + value + ")";
        }
        return "<i64><u32>" + value;
    }

    /** Statements lowering {@code value} to flat values; returns their expressions. */
    private List<String> lowerFlat(Code c, String p, WitType t, String value) {
        return t.accept(
                new GlueVisitor<List<String>>() {
                    @Override
                    List<String> scalar(Primitive prim) {
                        return switch (prim) {
                            case BOOL -> List.of("(" + value + " ? 1 : 0)");
                            case S64, F32, F64, S32 -> List.of(value);
                            case U64 -> List.of("<i64>" + value);
                            case STRING -> {
                                String at = var("s");
                                c.line("const " + at + " = " + p + "CallMemory.alloc(8);");
                                c.line(p + "writeString(" + at + ", " + value + ");");
                                yield List.of("load<i32>(" + at + ")", "load<i32>(" + at + ", 4)");
                            }
                            default -> List.of("<i32>" + value);
                        };
                    }

                    @Override
                    List<String> list(ListType type, WitType element) {
                        String[] range = lowerList(c, p, element, value);
                        return List.of("<i32>" + range[0], "<i32>" + range[1]);
                    }

                    @Override
                    List<String> fields(WitType type, List<WitType> types, List<String> names) {
                        String r = var("r");
                        c.line("const " + r + " = " + value + ";");
                        List<String> flat = new ArrayList<>();
                        for (int i = 0; i < types.size(); i++) {
                            flat.addAll(
                                    lowerFlat(
                                            c,
                                            p,
                                            types.get(i),
                                            r
                                                    + "."
                                                    + (names == null
                                                            ? "f" + i
                                                            : field(names.get(i)))));
                        }
                        return flat;
                    }

                    @Override
                    List<String> cases(WitType type, Abi.VariantLayout layout) {
                        if (type instanceof EnumType) {
                            return List.of("<i32>" + value);
                        }
                        // Through memory: the value's canonical layout read back as its flat
                        // values.
                        String at = var("a");
                        c.line(
                                "const "
                                        + at
                                        + " = "
                                        + p
                                        + "CallMemory.alloc("
                                        + Abi.size(type)
                                        + ");");
                        store(c, p, type, value, at);
                        return loadCases(c, p, layout, at);
                    }

                    @Override
                    List<String> flagSet(FlagsType type) {
                        return List.of("<i32>" + value);
                    }
                });
    }

    /** The flat values of a value already stored at {@code addr} (canonical layout). */
    /**
     * The flat values of a variant-like value stored at {@code addr}: its discriminant, then each
     * joined slot, filled from the payload of the case the discriminant names.
     */
    private List<String> loadCases(Code c, String p, Abi.VariantLayout layout, String addr) {
        String size =
                layout.discriminantSize() == 1
                        ? "u8"
                        : layout.discriminantSize() == 2 ? "u16" : "u32";
        String d = var("d");
        c.line("const " + d + " = <i32>load<" + size + ">(" + addr + ");");
        List<String> flat = new ArrayList<>(List.of(d));
        List<String> slots = new ArrayList<>();
        for (FlatType j : layout.joined()) {
            String s = var("j");
            c.line("let " + s + ": " + core(j) + " = 0;");
            slots.add(s);
        }
        for (int i = 0; i < layout.cases().size(); i++) {
            if (layout.payload(i).isEmpty()) {
                continue;
            }
            WitType payload = layout.payload(i).get();
            c.open("if (" + d + " == " + i + ") {");
            List<String> have = loadFlat(c, p, payload, addr + " + " + layout.payloadOffset());
            List<FlatType> types = Abi.flat(payload);
            for (int s = 0; s < have.size(); s++) {
                c.line(
                        slots.get(s)
                                + " = "
                                + widen(types.get(s), layout.joined().get(s), have.get(s))
                                + ";");
            }
            c.close("}");
        }
        flat.addAll(slots);
        return flat;
    }

    private List<String> loadFlat(Code c, String p, WitType t, String addr) {
        return t.accept(
                new GlueVisitor<List<String>>() {
                    @Override
                    List<String> scalar(Primitive prim) {
                        return switch (prim) {
                            case BOOL, S8 -> List.of("<i32>load<i8>(" + addr + ")");
                            case U8 -> List.of("<i32>load<u8>(" + addr + ")");
                            case S16 -> List.of("<i32>load<i16>(" + addr + ")");
                            case U16 -> List.of("<i32>load<u16>(" + addr + ")");
                            case S32, U32, CHAR -> List.of("load<i32>(" + addr + ")");
                            case S64, U64 -> List.of("load<i64>(" + addr + ")");
                            case F32 -> List.of("load<f32>(" + addr + ")");
                            case F64 -> List.of("load<f64>(" + addr + ")");
                            case STRING ->
                                    List.of(
                                            "load<i32>(" + addr + ")",
                                            "load<i32>(" + addr + ", 4)");
                        };
                    }

                    @Override
                    List<String> list(ListType type, WitType element) {
                        return List.of("load<i32>(" + addr + ")", "load<i32>(" + addr + ", 4)");
                    }

                    @Override
                    List<String> fields(WitType type, List<WitType> types, List<String> names) {
                        int[] offsets = Abi.offsets(types);
                        List<String> flat = new ArrayList<>();
                        for (int i = 0; i < types.size(); i++) {
                            flat.addAll(loadFlat(c, p, types.get(i), addr + " + " + offsets[i]));
                        }
                        return flat;
                    }

                    @Override
                    List<String> cases(WitType type, Abi.VariantLayout layout) {
                        return loadCases(c, p, layout, addr);
                    }

                    @Override
                    List<String> flagSet(FlagsType type) {
                        int size = Abi.size(type);
                        return List.of(
                                "<i32>load<"
                                        + (size <= 1 ? "u8" : size == 2 ? "u16" : "u32")
                                        + ">("
                                        + addr
                                        + ")");
                    }
                });
    }

    // ---- functions

    private static String coreParams(List<FlatType> types, String prefix) {
        return IntStream.range(0, types.size())
                .mapToObj(i -> prefix + i + ": " + core(types.get(i)))
                .collect(Collectors.joining(", "));
    }

    private static String coreResult(List<FlatType> results) {
        return results.isEmpty() ? "void" : core(results.get(0));
    }

    private void importGlue(Code c, Optional<Interface> iface, Function f) {
        CoreSignature sig = CoreSignature.lower(f);
        String core = "wit_import_" + Names.snake(f.name());
        c.line("// @ts-ignore: decorator");
        c.line(
                "@external(\""
                        + iface.map(Interface::qualifiedName).orElse("$root")
                        + "\", \""
                        + f.name()
                        + "\")");
        c.line(
                "declare function "
                        + core
                        + "("
                        + coreParams(sig.params(), "a")
                        + "): "
                        + coreResult(sig.results())
                        + ";");
        c.line("");
        c.line("/** `" + f.name() + ": " + WitText.of(f) + "` */");
        String params =
                f.params().stream()
                        .map(p -> field(p.name()) + ": " + typeName(p.type()))
                        .collect(Collectors.joining(", "));
        c.open(
                "export function "
                        + Names.ts(Names.camel(f.name()))
                        + "("
                        + params
                        + "): "
                        + f.result().map(this::typeName).orElse("void")
                        + " {");
        List<String> args = new ArrayList<>();
        if (sig.paramsInMemory()) {
            TupleType tuple = new TupleType(f.params().stream().map(Function.Param::type).toList());
            String at = var("args");
            c.line("const " + at + " = CallMemory.alloc(" + Abi.size(tuple) + ");");
            int[] offsets = Abi.offsets(tuple.types());
            for (int i = 0; i < f.params().size(); i++) {
                store(
                        c,
                        "",
                        f.params().get(i).type(),
                        field(f.params().get(i).name()),
                        at + " + " + offsets[i]);
            }
            args.add("<i32>" + at);
        } else {
            for (Function.Param p : f.params()) {
                args.addAll(lowerFlat(c, "", p.type(), field(p.name())));
            }
        }
        if (f.result().isEmpty()) {
            c.line(core + "(" + String.join(", ", args) + ");");
        } else if (sig.resultInMemory()) {
            String ret = var("ret");
            c.line("const " + ret + " = CallMemory.alloc(" + Abi.size(f.result().get()) + ");");
            args.add("<i32>" + ret);
            c.line(core + "(" + String.join(", ", args) + ");");
            c.line("return " + load(c, "", f.result().get(), ret) + ";");
        } else {
            String r = var("r");
            c.line("const " + r + " = " + core + "(" + String.join(", ", args) + ");");
            c.line(
                    "return "
                            + liftFlat(c, "", f.result().get(), new ArrayDeque<>(List.of(r)))
                            + ";");
        }
        c.close("}");
        c.line("");
    }

    private final List<String> renames = new ArrayList<>();

    private String exports(String source) {
        Code c = new Code("  ");
        c.line(
                "// Generated by dev.spinmixed.bindgen from "
                        + source
                        + ", world "
                        + world.name()
                        + "; do not edit.");
        c.line("// The module's entry: the world's exports, implemented by the guest's index.ts.");
        c.line("import * as b from \"./bindings\";");
        Set<String> implemented = new HashSet<>();
        List<String> imports = new ArrayList<>();
        for (World.WorldItem item : world.exports()) {
            for (Function f : Contract.functions(item)) {
                String name = Names.ts(Names.camel(f.name()));
                if (!implemented.add(name)) {
                    throw new BindgenException(
                            "world "
                                    + world.name()
                                    + " exports two functions named "
                                    + f.name()
                                    + ": the AssemblyScript glue needs the guest's functions to"
                                    + " have distinct names");
                }
                imports.add(name);
            }
        }
        c.line("import { " + String.join(", ", imports) + " } from \"./index\";");
        c.line("");
        c.line("export { cabi_realloc } from \"./bindings\";");
        c.line("");
        for (World.WorldItem item : world.exports()) {
            Optional<Interface> iface = Contract.iface(item);
            for (Function f : Contract.functions(item)) {
                exportGlue(c, iface, f);
            }
        }
        return c.toString();
    }

    private void exportGlue(Code c, Optional<Interface> iface, Function f) {
        CoreSignature sig = CoreSignature.lift(f);
        String exportName = iface.map(i -> i.qualifiedName() + "#").orElse("") + f.name();
        String plain =
                Names.snake(
                        iface.map(Interface::qualifiedName)
                                        .orElse(world.name())
                                        .replaceAll("[^A-Za-z0-9]+", "-")
                                + "-"
                                + f.name());
        renames.add(plain + "=" + exportName);
        renames.add("cabi_post_" + plain + "=cabi_post_" + exportName);
        c.line("/** `" + exportName + ": " + WitText.of(f) + "` */");
        c.open(
                "export function "
                        + plain
                        + "("
                        + coreParams(sig.params(), "a")
                        + "): "
                        + coreResult(sig.results())
                        + " {");
        List<String> args = new ArrayList<>();
        if (sig.paramsInMemory()) {
            TupleType tuple = new TupleType(f.params().stream().map(Function.Param::type).toList());
            int[] offsets = Abi.offsets(tuple.types());
            for (int i = 0; i < f.params().size(); i++) {
                args.add(load(c, "b.", f.params().get(i).type(), "<usize>a0 + " + offsets[i]));
            }
        } else {
            Deque<String> flat =
                    new ArrayDeque<>(
                            IntStream.range(0, sig.params().size())
                                    .mapToObj(i -> "a" + i)
                                    .toList());
            for (Function.Param p : f.params()) {
                args.add(liftFlat(c, "b.", p.type(), flat));
            }
        }
        String call = Names.ts(Names.camel(f.name())) + "(" + String.join(", ", args) + ")";
        if (f.result().isEmpty()) {
            c.line(call + ";");
        } else if (sig.resultInMemory()) {
            c.line("const result = " + call + ";");
            c.line("const ret = b.CallMemory.alloc(" + Abi.size(f.result().get()) + ");");
            store(c, "b.", f.result().get(), "result", "ret");
            c.line("return <i32>ret;");
        } else {
            c.line("const result = " + call + ";");
            c.line("return " + lowerFlat(c, "b.", f.result().get(), "result").get(0) + ";");
        }
        c.close("}");
        c.line("");
        List<FlatType> results = CoreSignature.postReturn(f).params();
        c.line(
                "/** The host has copied the result out: free the call's arguments and result"
                        + " together. */");
        c.open(
                "export function cabi_post_"
                        + plain
                        + "("
                        + coreParams(results, "_a")
                        + "): void {");
        c.line("b.CallMemory.freeAll();");
        c.close("}");
        c.line("");
    }

    private String renames() {
        return String.join("\n", renames) + "\n";
    }
}
