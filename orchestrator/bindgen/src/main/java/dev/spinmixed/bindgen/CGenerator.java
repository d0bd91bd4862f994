package dev.spinmixed.bindgen;

import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.EnumType;
import dev.spinmixed.wit.WitType.FlagsType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.OptionType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.WitType.RecordType;
import dev.spinmixed.wit.WitType.ResultType;
import dev.spinmixed.wit.WitType.TupleType;
import dev.spinmixed.wit.WitType.VariantType;
import dev.spinmixed.wit.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * C glue for one world: {@code bindings.h} with a typedef per type the world uses (on wasm32 a C
 * struct of these members lays out exactly as the canonical ABI does, and a static assertion per
 * type pins its size, alignment and offsets to the layouts the abi module computes), the exports
 * the guest implements ({@code exports_<iface>_<func>}) and the imports it may call; and {@code
 * bindings.c} with the core exports, {@code cabi_realloc} and the post-returns.
 *
 * <p>Memory: every allocation of an export call (the arguments the host lowers, the result, what
 * {@code wit_alloc} gives the guest, the results of imports) comes from one arena that the
 * post-return frees at once. The WASI adapter of a componentized module takes its state through
 * {@code cabi_realloc} on its first WASI call, which this arena would free: a C guest makes no WASI
 * call (formatting into buffers is fine, stdio is not).
 */
final class CGenerator {

    private final Contract contract;
    private final World world;
    private final Map<WitType, String> names = new IdentityHashMap<>();
    private final List<WitType> types;
    private final Code h = new Code("    ");
    private final Code c = new Code("    ");
    private int fresh;

    private CGenerator(Contract contract, World world) {
        this.contract = contract;
        this.world = world;
        List<Function> functions = new ArrayList<>();
        world.imports().forEach(i -> functions.addAll(Contract.functions(i)));
        world.exports().forEach(i -> functions.addAll(Contract.functions(i)));
        List<WitType> roots = new ArrayList<>(Contract.reachable(functions));
        for (World.WorldItem item : world.imports()) {
            spilledParams(Contract.functions(item), false, roots);
        }
        for (World.WorldItem item : world.exports()) {
            spilledParams(Contract.functions(item), true, roots);
        }
        this.types = dev.spinmixed.abi.TypeTree.reachable(roots);
        nameNamedTypes();
    }

    /** The parameters of functions that pass them in memory, as the tuple they are laid out as. */
    private static void spilledParams(List<Function> functions, boolean export, List<WitType> out) {
        for (Function f : functions) {
            CoreSignature sig = export ? CoreSignature.lift(f) : CoreSignature.lower(f);
            if (sig.paramsInMemory()) {
                out.add(new TupleType(f.params().stream().map(Function.Param::type).toList()));
            }
        }
    }

    static Map<String, String> generate(Contract contract, World world, String source) {
        CGenerator g = new CGenerator(contract, world);
        g.header(source);
        g.source(source);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("c/" + world.name() + "/bindings.h", g.h.toString());
        files.put("c/" + world.name() + "/bindings.c", g.c.toString());
        return files;
    }

    private String var(String prefix) {
        return prefix + (fresh++);
    }

    // ---- names

    /** {@code <package>_<type>}, or {@code <package>_<interface>_<type>} where that collides. */
    private void nameNamedTypes() {
        Map<String, Integer> counts = new HashMap<>();
        List<WitType> named = types.stream().filter(t -> NamedTypes.name(t).isPresent()).toList();
        for (WitType t : named) {
            counts.merge(shortName(t), 1, Integer::sum);
        }
        for (WitType t : named) {
            String name = shortName(t);
            if (counts.get(name) > 1) {
                Interface home = contract.home(t);
                name =
                        Names.snake(home.pkg().orElseThrow().name())
                                + "_"
                                + Names.snake(home.name())
                                + "_"
                                + Names.snake(NamedTypes.name(t).orElseThrow());
            }
            names.put(t, name);
        }
    }

    private String shortName(WitType t) {
        Interface home = contract.home(t);
        return Names.snake(home.pkg().orElseThrow().name())
                + "_"
                + Names.snake(NamedTypes.name(t).orElseThrow());
    }

    /** A name for any type, used in the typedef names of anonymous types. */
    private String mangle(WitType t) {
        String named = names.get(t);
        if (named != null) {
            return named;
        }
        return t.accept(
                new GlueVisitor<String>() {
                    @Override
                    String scalar(Primitive p) {
                        return p.witName();
                    }

                    @Override
                    String list(ListType type, WitType element) {
                        return "list_" + mangle(element);
                    }

                    @Override
                    String fields(WitType type, List<WitType> fieldTypes, List<String> fieldNames) {
                        return "tuple"
                                + fieldTypes.size()
                                + fieldTypes.stream()
                                        .map(f -> "_" + mangle(f))
                                        .collect(Collectors.joining());
                    }

                    @Override
                    String cases(WitType type, Abi.VariantLayout layout) {
                        if (type instanceof OptionType o) {
                            return "option_" + mangle(o.some());
                        }
                        ResultType r = (ResultType) type;
                        return "result_"
                                + r.ok().map(CGenerator.this::mangle).orElse("void")
                                + "_"
                                + r.err().map(CGenerator.this::mangle).orElse("void");
                    }

                    @Override
                    String flagSet(FlagsType type) {
                        throw new IllegalStateException();
                    }
                });
    }

    /** The C type of a WIT type. */
    String type(WitType t) {
        if (t instanceof Primitive p) {
            return switch (p) {
                case BOOL -> "bool";
                case S8 -> "int8_t";
                case U8 -> "uint8_t";
                case S16 -> "int16_t";
                case U16 -> "uint16_t";
                case S32 -> "int32_t";
                case U32, CHAR -> "uint32_t";
                case S64 -> "int64_t";
                case U64 -> "uint64_t";
                case F32 -> "float";
                case F64 -> "double";
                case STRING -> "wit_string_t";
            };
        }
        String named = names.get(t);
        return named != null ? named + "_t" : "wit_" + mangle(t) + "_t";
    }

    private static String field(String wit) {
        return Names.c(Names.snake(wit));
    }

    private static String core(FlatType t) {
        return switch (t) {
            case I32 -> "int32_t";
            case I64 -> "int64_t";
            case F32 -> "float";
            case F64 -> "double";
        };
    }

    private static String ifaceName(Optional<Interface> iface, World world) {
        return Names.snake(iface.map(Interface::name).orElse(world.name()));
    }

    // ---- bindings.h

    private void header(String source) {
        String guard = "BINDINGS_" + Names.upperSnake(world.name()) + "_H";
        h.line(
                "/* Generated by dev.spinmixed.bindgen from "
                        + source
                        + ", world "
                        + world.name()
                        + "; do not edit. */");
        h.line("#ifndef " + guard);
        h.line("#define " + guard);
        h.line("");
        h.line("#include <stdbool.h>");
        h.line("#include <stddef.h>");
        h.line("#include <stdint.h>");
        h.line("");
        h.line("typedef struct {");
        h.line("    char *ptr;");
        h.line("    size_t len;");
        h.line("} wit_string_t;");
        h.line("");
        h.line(
                "/* Memory that lives until the end of the current export call (its post-return"
                        + " frees it). */");
        h.line("void *wit_alloc(size_t size, size_t align);");
        h.line("");
        java.util.Set<String> defined = new java.util.HashSet<>();
        for (WitType t : types) {
            if (!(t instanceof Primitive) && defined.add(type(t))) {
                typedef(t);
            }
        }
        for (World.WorldItem item : world.imports()) {
            for (Function f : Contract.functions(item)) {
                h.line("/* import " + displayName(item, f) + ": " + WitText.of(f) + " */");
                h.line(prototype(importName(item, f), f) + ";");
                h.line("");
            }
        }
        for (World.WorldItem item : world.exports()) {
            for (Function f : Contract.functions(item)) {
                h.line(
                        "/* export "
                                + displayName(item, f)
                                + ": "
                                + WitText.of(f)
                                + "; implemented by the guest */");
                h.line(prototype(exportName(item, f), f) + ";");
                h.line("");
            }
        }
        h.line("#endif");
    }

    private String displayName(World.WorldItem item, Function f) {
        return Contract.iface(item).map(i -> i.qualifiedName() + "#").orElse("") + f.name();
    }

    private String importName(World.WorldItem item, Function f) {
        return ifaceName(Contract.iface(item), world) + "_" + Names.snake(f.name());
    }

    private String exportName(World.WorldItem item, Function f) {
        return "exports_" + importName(item, f);
    }

    /** Scalars by value, everything else by pointer; the result through {@code ret}. */
    private String prototype(String name, Function f) {
        List<String> params = new ArrayList<>();
        for (Function.Param p : f.params()) {
            params.add(
                    type(p.type())
                            + (GlueVisitor.byValue(p.type()) ? " " : " *")
                            + field(p.name()));
        }
        f.result().ifPresent(r -> params.add(type(r) + " *ret"));
        return "void " + name + "(" + (params.isEmpty() ? "void" : String.join(", ", params)) + ")";
    }

    private void typedef(WitType t) {
        if (t instanceof Primitive) {
            return;
        }
        String name = type(t);
        String constant = Names.upperSnake(name.substring(0, name.length() - 2).replace('_', '-'));
        t.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive p) {
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        h.line("typedef struct {");
                        h.line("    " + type(element) + " *ptr;");
                        h.line("    size_t len;");
                        h.line("} " + name + ";");
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> fieldTypes, List<String> fieldNames) {
                        if (fieldTypes.isEmpty()) {
                            h.line("typedef struct {");
                            h.line("    uint8_t unused[0];");
                            h.line("} " + name + ";");
                            return null;
                        }
                        h.line("typedef struct {");
                        for (int i = 0; i < fieldTypes.size(); i++) {
                            h.line(
                                    "    "
                                            + type(fieldTypes.get(i))
                                            + " "
                                            + (fieldNames == null
                                                    ? "f" + i
                                                    : field(fieldNames.get(i)))
                                            + ";");
                        }
                        h.line("} " + name + ";");
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        String tag =
                                layout.discriminantSize() == 1
                                        ? "uint8_t"
                                        : layout.discriminantSize() == 2 ? "uint16_t" : "uint32_t";
                        if (type instanceof EnumType e) {
                            h.line("typedef " + tag + " " + name + ";");
                            for (int i = 0; i < e.cases().size(); i++) {
                                h.line(
                                        "#define "
                                                + constant
                                                + "_"
                                                + Names.upperSnake(e.cases().get(i))
                                                + " "
                                                + i);
                            }
                            return null;
                        }
                        boolean anyPayload =
                                layout.cases().payloads().stream().anyMatch(Optional::isPresent);
                        h.line("typedef struct {");
                        String disc =
                                type instanceof OptionType
                                        ? "bool is_some"
                                        : type instanceof ResultType ? "bool is_err" : tag + " tag";
                        h.line("    " + disc + ";");
                        if (anyPayload) {
                            if (type instanceof OptionType o) {
                                h.line("    " + type(o.some()) + " val;");
                            } else {
                                h.line("    union {");
                                for (int i = 0; i < layout.cases().size(); i++) {
                                    int index = i;
                                    layout.payload(i)
                                            .ifPresent(
                                                    p ->
                                                            h.line(
                                                                    "        "
                                                                            + type(p)
                                                                            + " "
                                                                            + caseField(
                                                                                    type, layout,
                                                                                    index)
                                                                            + ";"));
                                }
                                h.line("    } val;");
                            }
                        }
                        h.line("} " + name + ";");
                        if (type instanceof VariantType v) {
                            for (int i = 0; i < v.cases().size(); i++) {
                                h.line(
                                        "#define "
                                                + constant
                                                + "_"
                                                + Names.upperSnake(v.cases().get(i).name())
                                                + " "
                                                + i);
                            }
                        }
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        int size = Abi.size(type);
                        h.line(
                                "typedef "
                                        + (size <= 1
                                                ? "uint8_t"
                                                : size == 2 ? "uint16_t" : "uint32_t")
                                        + " "
                                        + name
                                        + ";");
                        for (int i = 0; i < type.flags().size(); i++) {
                            h.line(
                                    "#define "
                                            + constant
                                            + "_"
                                            + Names.upperSnake(type.flags().get(i))
                                            + " (1u << "
                                            + i
                                            + ")");
                        }
                        return null;
                    }
                });
        h.line(
                "_Static_assert(sizeof("
                        + name
                        + ") == "
                        + Abi.size(t)
                        + " && _Alignof("
                        + name
                        + ") == "
                        + Abi.align(t)
                        + ", \""
                        + WitText.of(t)
                        + ": canonical ABI size and alignment\");");
        if (t instanceof RecordType r && !r.fields().isEmpty()) {
            int[] offsets = Abi.offsets(r.fields().stream().map(WitType.Field::type).toList());
            String checks =
                    IntStream.range(0, offsets.length)
                            .mapToObj(
                                    i ->
                                            "offsetof("
                                                    + name
                                                    + ", "
                                                    + field(r.fields().get(i).name())
                                                    + ") == "
                                                    + offsets[i])
                            .collect(Collectors.joining(" && "));
            h.line(
                    "_Static_assert("
                            + checks
                            + ", \""
                            + r.name()
                            + ": canonical ABI field offsets\");");
        }
        h.line("");
    }

    private static String caseField(WitType type, Abi.VariantLayout layout, int i) {
        return Names.c(Names.snake(layout.cases().names().get(i)));
    }

    // ---- bindings.c

    private void source(String source) {
        c.line(
                "/* Generated by dev.spinmixed.bindgen from "
                        + source
                        + ", world "
                        + world.name()
                        + "; do not edit. */");
        c.line("#include \"bindings.h\"");
        c.line("");
        c.line("#include <stdlib.h>");
        c.line("#include <string.h>");
        c.line("");
        c.line(
                "/* Each allocation is its own malloc block behind a header linking it to the"
                        + " previous one; the");
        c.line(
                " * 8-byte header keeps payloads 8-aligned, enough for every canonical ABI type."
                        + " */");
        c.line("typedef struct wit_block {");
        c.line("    struct wit_block *prev;");
        c.line("    size_t size;");
        c.line("} wit_block_t;");
        c.line("");
        c.line(
                "_Static_assert(sizeof(wit_block_t) == 8, \"the header keeps payloads"
                        + " 8-aligned\");");
        c.line("");
        c.line("static wit_block_t *wit_last_block;");
        c.line("");
        c.open("void *wit_alloc(size_t size, size_t align) {");
        c.open("if (align > 8 || size > SIZE_MAX - sizeof(wit_block_t)) {");
        c.line("__builtin_trap();");
        c.close("}");
        c.line("wit_block_t *block = malloc(sizeof(wit_block_t) + size);");
        c.open("if (block == NULL) {");
        c.line("__builtin_trap();");
        c.close("}");
        c.line("block->prev = wit_last_block;");
        c.line("block->size = size;");
        c.line("wit_last_block = block;");
        c.line("return block + 1;");
        c.close("}");
        c.line("");
        c.open("static void wit_free_all(void) {");
        c.open("while (wit_last_block != NULL) {");
        c.line("wit_block_t *prev = wit_last_block->prev;");
        c.line("free(wit_last_block);");
        c.line("wit_last_block = prev;");
        c.close("}");
        c.close("}");
        c.line("");
        c.line("__attribute__((export_name(\"cabi_realloc\")))");
        c.open(
                "void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size)"
                        + " {");
        c.line("void *fresh = wit_alloc(new_size, align);");
        c.open("if (old_ptr != NULL) {");
        c.line("memcpy(fresh, old_ptr, old_size < new_size ? old_size : new_size);");
        c.close("}");
        c.line("return fresh;");
        c.close("}");
        c.line("");
        c.line(
                "__attribute__((unused)) static inline float wit_f32(uint32_t bits) { float f;"
                        + " memcpy(&f, &bits, 4); return f; }");
        c.line(
                "__attribute__((unused)) static inline double wit_f64(uint64_t bits) { double d;"
                        + " memcpy(&d, &bits, 8); return d; }");
        c.line(
                "__attribute__((unused)) static inline uint32_t wit_f32_bits(float f) { uint32_t"
                        + " bits; memcpy(&bits, &f, 4); return bits; }");
        c.line(
                "__attribute__((unused)) static inline uint64_t wit_f64_bits(double d) { uint64_t"
                        + " bits; memcpy(&bits, &d, 8); return bits; }");
        c.line("");
        for (World.WorldItem item : world.imports()) {
            for (Function f : Contract.functions(item)) {
                importGlue(item, f);
            }
        }
        for (World.WorldItem item : world.exports()) {
            for (Function f : Contract.functions(item)) {
                exportGlue(item, f);
            }
        }
    }

    private static String coreParams(List<FlatType> types, String prefix) {
        if (types.isEmpty()) {
            return "void";
        }
        return IntStream.range(0, types.size())
                .mapToObj(i -> core(types.get(i)) + " " + prefix + i)
                .collect(Collectors.joining(", "));
    }

    private static String coreResult(List<FlatType> results) {
        return results.isEmpty() ? "void" : core(results.get(0));
    }

    private void importGlue(World.WorldItem item, Function f) {
        CoreSignature sig = CoreSignature.lower(f);
        String module = Contract.iface(item).map(Interface::qualifiedName).orElse("$root");
        String core = "wit_import_" + importName(item, f);
        c.line(
                "__attribute__((import_module(\""
                        + module
                        + "\"), import_name(\""
                        + f.name()
                        + "\")))");
        c.line(
                "extern "
                        + coreResult(sig.results())
                        + " "
                        + core
                        + "("
                        + coreParams(sig.params(), "a")
                        + ");");
        c.line("");
        c.open(prototype(importName(item, f), f) + " {");
        List<String> args = new ArrayList<>();
        if (sig.paramsInMemory()) {
            TupleType tuple = new TupleType(f.params().stream().map(Function.Param::type).toList());
            c.line(type(tuple) + " args;");
            for (int i = 0; i < f.params().size(); i++) {
                Function.Param p = f.params().get(i);
                c.line(
                        "args.f"
                                + i
                                + " = "
                                + (GlueVisitor.byValue(p.type()) ? "" : "*")
                                + field(p.name())
                                + ";");
            }
            args.add("(int32_t) &args");
        } else {
            for (Function.Param p : f.params()) {
                args.addAll(
                        lowerFlat(
                                p.type(),
                                (GlueVisitor.byValue(p.type()) ? "" : "(*")
                                        + field(p.name())
                                        + (GlueVisitor.byValue(p.type()) ? "" : ")")));
            }
        }
        String call = core + "(" + String.join(", ", args);
        if (f.result().isEmpty()) {
            c.line(call + ");");
        } else if (sig.resultInMemory()) {
            c.line(call + (args.isEmpty() ? "" : ", ") + "(int32_t) ret);");
        } else {
            String r = var("r");
            c.line(coreResult(sig.results()) + " " + r + " = " + call + ");");
            liftFlat(f.result().get(), "(*ret)", new ArrayDeque<>(List.of(r)));
        }
        c.close("}");
        c.line("");
    }

    private void exportGlue(World.WorldItem item, Function f) {
        CoreSignature sig = CoreSignature.lift(f);
        String exportName = displayName(item, f);
        String core = "wit_export_" + importName(item, f);
        c.line("__attribute__((export_name(\"" + exportName + "\")))");
        c.open(
                coreResult(sig.results())
                        + " "
                        + core
                        + "("
                        + coreParams(sig.params(), "a")
                        + ") {");
        List<String> args = new ArrayList<>();
        if (sig.paramsInMemory()) {
            TupleType tuple = new TupleType(f.params().stream().map(Function.Param::type).toList());
            c.line(type(tuple) + " *args = (" + type(tuple) + " *) a0;");
            for (int i = 0; i < f.params().size(); i++) {
                args.add(
                        (GlueVisitor.byValue(f.params().get(i).type()) ? "args->f" : "&args->f")
                                + i);
            }
        } else {
            Deque<String> flat =
                    new ArrayDeque<>(
                            IntStream.range(0, sig.params().size())
                                    .mapToObj(i -> "a" + i)
                                    .toList());
            for (Function.Param p : f.params()) {
                String v = var("p");
                c.line(type(p.type()) + " " + v + ";");
                liftFlat(p.type(), v, flat);
                args.add(GlueVisitor.byValue(p.type()) ? v : "&" + v);
            }
        }
        if (f.result().isEmpty()) {
            c.line(exportName(item, f) + "(" + String.join(", ", args) + ");");
        } else if (sig.resultInMemory()) {
            String r = type(f.result().get());
            c.line(r + " *ret = wit_alloc(sizeof(" + r + "), _Alignof(" + r + "));");
            args.add("ret");
            c.line(exportName(item, f) + "(" + String.join(", ", args) + ");");
            c.line("return (int32_t) ret;");
        } else {
            c.line(type(f.result().get()) + " ret;");
            args.add("&ret");
            c.line(exportName(item, f) + "(" + String.join(", ", args) + ");");
            c.line("return " + lowerFlat(f.result().get(), "ret").get(0) + ";");
        }
        c.close("}");
        c.line("");
        c.line(
                "/* The host has copied the result out: free the call's arguments and result"
                        + " together. */");
        c.line("__attribute__((export_name(\"cabi_post_" + exportName + "\")))");
        List<FlatType> results = CoreSignature.postReturn(f).params();
        c.open("void " + core + "_post_return(" + coreParams(results, "a") + ") {");
        for (int i = 0; i < results.size(); i++) {
            c.line("(void) a" + i + ";");
        }
        c.line("wit_free_all();");
        c.close("}");
        c.line("");
    }

    // ---- flat values

    /** Statements setting {@code target} (an lvalue) from the next flat values (variable names). */
    private void liftFlat(WitType t, String target, Deque<String> flat) {
        t.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive p) {
                        switch (p) {
                            case BOOL -> c.line(target + " = " + flat.pop() + " != 0;");
                            case STRING -> {
                                c.line(target + ".ptr = (char *) " + flat.pop() + ";");
                                c.line(target + ".len = (size_t) " + flat.pop() + ";");
                            }
                            default -> c.line(target + " = (" + type(p) + ") " + flat.pop() + ";");
                        }
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        c.line(target + ".ptr = (" + type(element) + " *) " + flat.pop() + ";");
                        c.line(target + ".len = (size_t) " + flat.pop() + ";");
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> fieldNames) {
                        for (int i = 0; i < types.size(); i++) {
                            liftFlat(
                                    types.get(i),
                                    target
                                            + "."
                                            + (fieldNames == null
                                                    ? "f" + i
                                                    : field(fieldNames.get(i))),
                                    flat);
                        }
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        String disc = flat.pop();
                        List<String> slots = new ArrayList<>();
                        for (int i = 0; i < layout.joined().size(); i++) {
                            slots.add(flat.pop());
                        }
                        if (type instanceof EnumType) {
                            c.line(
                                    "if ((uint32_t) "
                                            + disc
                                            + " >= "
                                            + layout.cases().size()
                                            + ") __builtin_trap();");
                            c.line(target + " = (" + type(type) + ") " + disc + ";");
                            return null;
                        }
                        c.open("switch (" + disc + ") {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            c.open("case " + i + ":");
                            c.line(discriminantTarget(type, target) + " = " + i + ";");
                            if (layout.payload(i).isPresent()) {
                                WitType p = layout.payload(i).get();
                                List<FlatType> want = Abi.flat(p);
                                Deque<String> coerced = new ArrayDeque<>();
                                for (int s = 0; s < want.size(); s++) {
                                    coerced.add(
                                            coerce(
                                                    layout.joined().get(s),
                                                    want.get(s),
                                                    slots.get(s)));
                                }
                                liftFlat(p, payloadTarget(type, layout, i, target), coerced);
                            }
                            c.line("break;");
                            c.close("");
                        }
                        c.line("default:");
                        c.line("    __builtin_trap();");
                        c.close("}");
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        c.line(target + " = (" + type(type) + ") " + flat.pop() + ";");
                        return null;
                    }
                });
    }

    private static String discriminantTarget(WitType type, String target) {
        if (type instanceof OptionType) {
            return target + ".is_some";
        }
        return target + (type instanceof ResultType ? ".is_err" : ".tag");
    }

    private static String payloadTarget(
            WitType type, Abi.VariantLayout layout, int i, String target) {
        if (type instanceof OptionType) {
            return target + ".val";
        }
        if (type instanceof ResultType) {
            return target + (i == 0 ? ".val.ok" : ".val.err");
        }
        return target + ".val." + caseField(type, layout, i);
    }

    private static String coerce(FlatType have, FlatType want, String slot) {
        if (have == want) {
            return slot;
        }
        if (want == FlatType.F32) {
            return "wit_f32((uint32_t) " + slot + ")";
        }
        if (want == FlatType.F64) {
            return "wit_f64((uint64_t) " + slot + ")";
        }
        return "(int32_t) " + slot;
    }

    private static String widen(FlatType have, FlatType slot, String value) {
        if (have == slot) {
            return value;
        }
        if (have == FlatType.F32) {
            return "(" + core(slot) + ") wit_f32_bits(" + value + ")";
        }
        if (have == FlatType.F64) {
            return "(int64_t) wit_f64_bits(" + value + ")";
        }
        return "(int64_t) (uint32_t) " + value;
    }

    /** Flat value expressions of the value in lvalue {@code v}; variants need statements first. */
    private List<String> lowerFlat(WitType t, String v) {
        return t.accept(
                new GlueVisitor<List<String>>() {
                    @Override
                    List<String> scalar(Primitive p) {
                        return switch (p) {
                            case S64, U64 -> List.of("(int64_t) " + v);
                            case F32, F64 -> List.of(v);
                            case STRING ->
                                    List.of("(int32_t) " + v + ".ptr", "(int32_t) " + v + ".len");
                            default -> List.of("(int32_t) " + v);
                        };
                    }

                    @Override
                    List<String> list(ListType type, WitType element) {
                        return List.of("(int32_t) " + v + ".ptr", "(int32_t) " + v + ".len");
                    }

                    @Override
                    List<String> fields(
                            WitType type, List<WitType> types, List<String> fieldNames) {
                        List<String> flat = new ArrayList<>();
                        for (int i = 0; i < types.size(); i++) {
                            flat.addAll(
                                    lowerFlat(
                                            types.get(i),
                                            v
                                                    + "."
                                                    + (fieldNames == null
                                                            ? "f" + i
                                                            : field(fieldNames.get(i)))));
                        }
                        return flat;
                    }

                    @Override
                    List<String> cases(WitType type, Abi.VariantLayout layout) {
                        if (type instanceof EnumType) {
                            return List.of("(int32_t) " + v);
                        }
                        List<String> slots = new ArrayList<>();
                        String d = var("d");
                        c.line(
                                "int32_t "
                                        + d
                                        + " = (int32_t) "
                                        + discriminantTarget(type, v)
                                        + ";");
                        slots.add(d);
                        for (FlatType j : layout.joined()) {
                            String s = var("j");
                            c.line(core(j) + " " + s + " = 0;");
                            slots.add(s);
                        }
                        c.open("switch (" + d + ") {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            if (layout.payload(i).isEmpty()) {
                                continue;
                            }
                            c.open("case " + i + ": {");
                            WitType p = layout.payload(i).get();
                            List<String> flat = lowerFlat(p, payloadTarget(type, layout, i, v));
                            List<FlatType> have = Abi.flat(p);
                            for (int s = 0; s < flat.size(); s++) {
                                c.line(
                                        slots.get(s + 1)
                                                + " = "
                                                + widen(
                                                        have.get(s),
                                                        layout.joined().get(s),
                                                        flat.get(s))
                                                + ";");
                            }
                            c.line("break;");
                            c.close("}");
                        }
                        c.line("default:");
                        c.line("    break;");
                        c.close("}");
                        return slots;
                    }

                    @Override
                    List<String> flagSet(FlagsType type) {
                        return List.of("(int32_t) " + v);
                    }
                });
    }
}
