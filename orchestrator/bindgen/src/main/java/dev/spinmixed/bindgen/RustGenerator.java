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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One Rust crate (for rustc 1.63, no crates) with the bindings of every interface and world of a
 * WIT resolve: a module per interface ({@code ns::pkg::iface}) holding its types, a function per
 * import and a {@code Guest} trait per export; a macro per world ({@code export_<world>!(Type)})
 * that exports the world's functions from the guest crate; {@code rt} with {@code cabi_realloc}.
 *
 * <p>Memory: arguments an export receives and results an import returns were allocated for the
 * guest with its {@code cabi_realloc}; they become owned {@code String}s and {@code Vec}s (strings
 * and byte lists without a copy). An export's result is handed over in a static return area and
 * freed, string by string and list by list, by its {@code cabi_post_*}. An import borrows its
 * arguments: lists of records are laid out in temporary buffers freed after the call.
 */
final class RustGenerator {

    private final Contract contract;
    private final Code out = new Code("    ");
    private int fresh;

    private RustGenerator(Contract contract) {
        this.contract = contract;
    }

    static String generate(Contract contract, String source) {
        RustGenerator g = new RustGenerator(contract);
        g.crate(source);
        return g.out.toString();
    }

    private String var(String prefix) {
        return prefix + (fresh++);
    }

    // ---- names and types

    private static String snake(String wit) {
        return Names.rust(Names.snake(wit));
    }

    private static String modulePath(Interface iface) {
        var pkg = iface.pkg().orElseThrow();
        return "crate::"
                + snake(pkg.namespace())
                + "::"
                + snake(pkg.name())
                + "::"
                + snake(iface.name());
    }

    private String path(WitType named) {
        return modulePath(contract.home(named))
                + "::"
                + Names.pascal(NamedTypes.name(named).orElseThrow());
    }

    private static String caseName(String wit) {
        return Names.pascal(wit);
    }

    /** The owned Rust type of a WIT type. */
    String type(WitType t) {
        return t.accept(
                new WitType.Visitor<>() {
                    @Override
                    public String primitive(Primitive p) {
                        return switch (p) {
                            case BOOL -> "bool";
                            case S8 -> "i8";
                            case U8 -> "u8";
                            case S16 -> "i16";
                            case U16 -> "u16";
                            case S32 -> "i32";
                            case U32 -> "u32";
                            case S64 -> "i64";
                            case U64 -> "u64";
                            case F32 -> "f32";
                            case F64 -> "f64";
                            case CHAR -> "char";
                            case STRING -> "String";
                        };
                    }

                    @Override
                    public String list(ListType l) {
                        return "Vec<" + type(l.element()) + ">";
                    }

                    @Override
                    public String option(OptionType o) {
                        return "Option<" + type(o.some()) + ">";
                    }

                    @Override
                    public String result(ResultType r) {
                        return "Result<"
                                + r.ok().map(RustGenerator.this::type).orElse("()")
                                + ", "
                                + r.err().map(RustGenerator.this::type).orElse("()")
                                + ">";
                    }

                    @Override
                    public String tuple(TupleType tuple) {
                        return tuple.types().stream()
                                .map(RustGenerator.this::type)
                                .collect(
                                        Collectors.joining(
                                                ", ", "(", tuple.types().size() == 1 ? ",)" : ")"));
                    }

                    @Override
                    public String record(RecordType r) {
                        return path(r);
                    }

                    @Override
                    public String variant(VariantType v) {
                        return path(v);
                    }

                    @Override
                    public String enumType(EnumType e) {
                        return path(e);
                    }

                    @Override
                    public String flags(FlagsType f) {
                        return path(f);
                    }
                });
    }

    /** The parameter type of an import: Copy types by value, strings as &str, lists as slices. */
    private String paramType(WitType t) {
        if (GlueVisitor.byValue(t)) {
            return type(t);
        }
        if (t == Primitive.STRING) {
            return "&str";
        }
        if (t instanceof ListType l) {
            return "&[" + type(l.element()) + "]";
        }
        return "&" + type(t);
    }

    private static String core(FlatType t) {
        return switch (t) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
        };
    }

    /** A case of a variant-like type as a constructor or pattern head, e.g. {@code Some}. */
    private String caseHead(WitType type, Abi.VariantLayout layout, int i) {
        if (type instanceof OptionType) {
            return i == 0 ? "None" : "Some";
        }
        if (type instanceof ResultType) {
            return i == 0 ? "Ok" : "Err";
        }
        return path(type) + "::" + caseName(layout.cases().names().get(i));
    }

    /**
     * {@code Head(payload)}, {@code Head} for a case without payload ({@code Ok(())} for results).
     */
    private String caseValue(WitType type, Abi.VariantLayout layout, int i, String payload) {
        String head = caseHead(type, layout, i);
        if (payload != null) {
            return head + "(" + payload + ")";
        }
        return type instanceof ResultType ? head + "(())" : head;
    }

    // ---- the crate

    private void crate(String source) {
        out.line("// Generated by dev.spinmixed.bindgen from " + source + "; do not edit.");
        out.line("//! Canonical ABI bindings of " + source + ": types, imports, exports.");
        out.line("#![allow(unused_parens, clippy::all)]");
        out.line("");
        runtime();
        Map<String, Map<String, List<Interface>>> tree = new TreeMap<>();
        for (Interface iface : contract.interfaces()) {
            var pkg = iface.pkg().orElseThrow();
            tree.computeIfAbsent(snake(pkg.namespace()), k -> new TreeMap<>())
                    .computeIfAbsent(snake(pkg.name()), k -> new ArrayList<>())
                    .add(iface);
        }
        Map<String, List<World>> worldsByPackage = new TreeMap<>();
        for (World world : contract.worlds()) {
            boolean hasWorldFunctions =
                    world.exports().stream()
                            .anyMatch(i -> i instanceof World.WorldItem.FunctionItem);
            if (hasWorldFunctions) {
                worldsByPackage
                        .computeIfAbsent(
                                snake(world.pkg().namespace()) + "/" + snake(world.pkg().name()),
                                k -> new ArrayList<>())
                        .add(world);
            }
        }
        for (var ns : tree.entrySet()) {
            out.open("pub mod " + ns.getKey() + " {");
            for (var pkg : ns.getValue().entrySet()) {
                out.open("pub mod " + pkg.getKey() + " {");
                for (Interface iface : pkg.getValue()) {
                    interfaceModule(iface);
                }
                for (World w :
                        worldsByPackage.getOrDefault(ns.getKey() + "/" + pkg.getKey(), List.of())) {
                    worldModule(w);
                }
                out.close("}");
            }
            out.close("}");
        }
        for (World world : contract.worlds()) {
            exportMacro(world);
        }
    }

    private void runtime() {
        out.line("/// The canonical ABI runtime every guest shares.");
        out.line("#[doc(hidden)]");
        out.open("pub mod rt {");
        out.line("use std::alloc::{self, Layout};");
        out.line("");
        out.line(
                "/// The canonical ABI allocator. The WASI adapter may take memory through it for"
                        + " state that");
        out.line(
                "/// lives as long as the instance, so it is a plain allocator that frees nothing"
                        + " in bulk.");
        out.line("#[no_mangle]");
        out.open(
                "pub unsafe extern \"C\" fn cabi_realloc(old_ptr: *mut u8, old_size: usize, align:"
                        + " usize, new_size: usize) -> *mut u8 {");
        out.open("if new_size == 0 {");
        out.line("dealloc(old_ptr, old_size, align);");
        out.line("return align as *mut u8;");
        out.close("}");
        out.line(
                "let layout = Layout::from_size_align(new_size, align).expect(\"cabi_realloc:"
                        + " invalid alignment\");");
        out.line(
                "let ptr = if old_size == 0 { alloc::alloc(layout) } else { alloc::realloc(old_ptr,"
                        + " Layout::from_size_align_unchecked(old_size, align), new_size) };");
        out.open("if ptr.is_null() {");
        out.line("alloc::handle_alloc_error(layout);");
        out.close("}");
        out.line("ptr");
        out.close("}");
        out.line("");
        out.open("pub unsafe fn alloc(size: usize, align: usize) -> *mut u8 {");
        out.line("cabi_realloc(std::ptr::null_mut(), 0, align, size)");
        out.close("}");
        out.line("");
        out.open("pub unsafe fn dealloc(ptr: *mut u8, size: usize, align: usize) {");
        out.open("if size != 0 {");
        out.line("alloc::dealloc(ptr, Layout::from_size_align_unchecked(size, align));");
        out.close("}");
        out.close("}");
        out.line("");
        out.line(
                "/// Takes ownership of bytes allocated for us with cabi_realloc(0, 0, 1, len): no"
                        + " copy.");
        out.open("pub unsafe fn bytes_lift(ptr: i32, len: i32) -> Vec<u8> {");
        out.line("let len = len as usize;");
        out.line(
                "if len == 0 { Vec::new() } else { Vec::from_raw_parts(ptr as *mut u8, len, len)"
                        + " }");
        out.close("}");
        out.line("");
        out.line(
                "/// A string allocated for us; the ABI promises UTF-8, a host that breaks the"
                        + " promise gets");
        out.line("/// replacement characters rather than a trap.");
        out.open("pub unsafe fn string_lift(ptr: i32, len: i32) -> String {");
        out.open("match String::from_utf8(bytes_lift(ptr, len)) {");
        out.line("Ok(text) => text,");
        out.line("Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),");
        out.close("}");
        out.close("}");
        out.line("");
        out.line("/// Hands bytes to the other side until post-return frees them with bytes_free.");
        out.open("pub fn bytes_leak(bytes: Vec<u8>) -> (i32, i32) {");
        out.line("let boxed = bytes.into_boxed_slice();");
        out.line("let len = boxed.len();");
        out.line("(Box::into_raw(boxed) as *mut u8 as i32, len as i32)");
        out.close("}");
        out.line("");
        out.open("pub unsafe fn bytes_free(ptr: i32, len: i32) {");
        out.line("dealloc(ptr as *mut u8, len as usize, 1);");
        out.close("}");
        out.line("");
        out.open("pub unsafe fn char_lift(value: i32) -> char {");
        out.line("char::from_u32(value as u32).expect(\"invalid char\")");
        out.close("}");
        out.line("");
        out.open("pub unsafe fn load<T: Copy>(base: *const u8, offset: usize) -> T {");
        out.line("(base.add(offset) as *const T).read_unaligned()");
        out.close("}");
        out.line("");
        out.open("pub unsafe fn store<T: Copy>(base: *mut u8, offset: usize, value: T) {");
        out.line("(base.add(offset) as *mut T).write_unaligned(value)");
        out.close("}");
        out.line("");
        out.open("pub fn invalid(what: &str, discriminant: u32) -> ! {");
        out.line("panic!(\"invalid {} discriminant {}\", what, discriminant)");
        out.close("}");
        out.line("");
        out.line(
                "/// A return area: where an export's result waits for post-return, or an import"
                        + " writes its.");
        out.line("#[repr(C, align(8))]");
        out.line("pub struct RetArea<const N: usize>(pub [u8; N]);");
        out.line("");
        out.line(
                "/// Memory lent to an import for one call (lists laid out for it), freed when"
                        + " dropped.");
        out.line("#[derive(Default)]");
        out.open("pub struct Temp {");
        out.line("blocks: Vec<(*mut u8, usize, usize)>,");
        out.close("}");
        out.line("");
        out.open("impl Temp {");
        out.open("pub unsafe fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {");
        out.line("let ptr = alloc(size, align);");
        out.line("self.blocks.push((ptr, size, align));");
        out.line("ptr");
        out.close("}");
        out.close("}");
        out.line("");
        out.open("impl Drop for Temp {");
        out.open("fn drop(&mut self) {");
        out.open("for &(ptr, size, align) in &self.blocks {");
        out.line("unsafe { dealloc(ptr, size, align) }");
        out.close("}");
        out.close("}");
        out.close("}");
        out.close("}");
        out.line("");
    }

    private void interfaceModule(Interface iface) {
        out.line("/// `" + iface.qualifiedName() + "`");
        out.open("pub mod " + snake(iface.name()) + " {");
        out.line("#[allow(unused_imports)]");
        out.line("use crate::rt;");
        for (WitType type : contract.definedTypes(iface)) {
            namedType(type);
        }
        for (String name : new java.util.TreeSet<>(iface.types().keySet())) {
            WitType type = iface.types().get(name);
            boolean definedHere =
                    contract.definedTypes(iface).contains(type)
                            && NamedTypes.name(type).orElse("").equals(name);
            if (!definedHere) {
                out.line("pub type " + Names.pascal(name) + " = " + type(type) + ";");
            }
        }
        for (Function f : iface.functions()) {
            importFunction(iface.qualifiedName(), f);
        }
        if (!iface.functions().isEmpty()) {
            exportTrait(iface.functions());
        }
        out.close("}");
    }

    private void worldModule(World world) {
        List<Function> functions = new ArrayList<>();
        world.exports()
                .forEach(
                        i -> {
                            if (i instanceof World.WorldItem.FunctionItem f) {
                                functions.add(f.function());
                            }
                        });
        out.line("/// The functions world `" + world.name() + "` exports itself.");
        out.open("pub mod " + snake(world.name()) + " {");
        out.line("#[allow(unused_imports)]");
        out.line("use crate::rt;");
        exportTrait(functions);
        out.close("}");
    }

    // ---- named types

    private void namedType(WitType type) {
        type.accept(
                new GlueVisitor<Void>() {
                    @Override
                    Void scalar(Primitive t) {
                        throw new IllegalStateException();
                    }

                    @Override
                    Void list(ListType t, WitType element) {
                        throw new IllegalStateException();
                    }

                    @Override
                    Void fields(WitType t, List<WitType> types, List<String> names) {
                        RecordType r = (RecordType) t;
                        out.line("#[derive(Debug, Clone, PartialEq)]");
                        out.open("pub struct " + Names.pascal(r.name()) + " {");
                        for (int i = 0; i < types.size(); i++) {
                            out.line(
                                    "pub " + snake(names.get(i)) + ": " + type(types.get(i)) + ",");
                        }
                        out.close("}");
                        return null;
                    }

                    @Override
                    Void cases(WitType t, Abi.VariantLayout layout) {
                        String name = Names.pascal(NamedTypes.name(t).orElseThrow());
                        boolean plain = t instanceof EnumType;
                        out.line(
                                plain
                                        ? "#[derive(Debug, Clone, Copy, PartialEq, Eq)]"
                                        : "#[derive(Debug, Clone, PartialEq)]");
                        out.open("pub enum " + name + " {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            out.line(
                                    caseName(layout.cases().names().get(i))
                                            + layout.payload(i)
                                                    .map(p -> "(" + type(p) + ")")
                                                    .orElse("")
                                            + ",");
                        }
                        out.close("}");
                        out.line("");
                        out.open("impl " + name + " {");
                        out.line("/// The case's name in WIT.");
                        out.open("pub fn name(&self) -> &'static str {");
                        out.open("match self {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            out.line(
                                    name
                                            + "::"
                                            + caseName(layout.cases().names().get(i))
                                            + (layout.payload(i).isPresent() ? "(_)" : "")
                                            + " => \""
                                            + layout.cases().names().get(i)
                                            + "\",");
                        }
                        out.close("}");
                        out.close("}");
                        out.close("}");
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType f) {
                        String name = Names.pascal(f.name());
                        out.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]");
                        out.line("pub struct " + name + " {");
                        out.line("    pub bits: u32,");
                        out.line("}");
                        out.line("");
                        out.open("impl " + name + " {");
                        for (int i = 0; i < f.flags().size(); i++) {
                            out.line(
                                    "pub const "
                                            + Names.rust(Names.upperSnake(f.flags().get(i)))
                                            + ": "
                                            + name
                                            + " = "
                                            + name
                                            + " { bits: 1 << "
                                            + i
                                            + " };");
                        }
                        out.open("pub fn contains(self, other: " + name + ") -> bool {");
                        out.line("self.bits & other.bits == other.bits");
                        out.close("}");
                        out.close("}");
                        out.line("");
                        out.open("impl std::ops::BitOr for " + name + " {");
                        out.line("type Output = " + name + ";");
                        out.open("fn bitor(self, other: " + name + ") -> " + name + " {");
                        out.line(name + " { bits: self.bits | other.bits }");
                        out.close("}");
                        out.close("}");
                        return null;
                    }
                });
        out.line("");
    }

    // ---- lifting (owned values from what the other side allocated for us)

    /** An expression lifting a value from the next flat values (variable names of core types). */
    private String liftFlat(WitType t, Deque<String> flat) {
        return t.accept(
                new GlueVisitor<String>() {
                    @Override
                    String scalar(Primitive p) {
                        return switch (p) {
                            case BOOL -> "(" + flat.pop() + " != 0)";
                            case S8 -> "(" + flat.pop() + " as i8)";
                            case U8 -> "(" + flat.pop() + " as u8)";
                            case S16 -> "(" + flat.pop() + " as i16)";
                            case U16 -> "(" + flat.pop() + " as u16)";
                            case S32, S64, F32, F64 -> flat.pop();
                            case U32 -> "(" + flat.pop() + " as u32)";
                            case U64 -> "(" + flat.pop() + " as u64)";
                            case CHAR -> "rt::char_lift(" + flat.pop() + ")";
                            case STRING ->
                                    "rt::string_lift(" + flat.pop() + ", " + flat.pop() + ")";
                        };
                    }

                    @Override
                    String list(ListType type, WitType element) {
                        return liftList(element, flat.pop(), flat.pop());
                    }

                    @Override
                    String fields(WitType type, List<WitType> types, List<String> names) {
                        List<String> values = new ArrayList<>();
                        for (WitType f : types) {
                            values.add(liftFlat(f, flat));
                        }
                        return composite(type, names, values);
                    }

                    @Override
                    String cases(WitType type, Abi.VariantLayout layout) {
                        String disc = flat.pop();
                        List<String> slots = new ArrayList<>();
                        for (int i = 0; i < layout.joined().size(); i++) {
                            slots.add(flat.pop());
                        }
                        StringBuilder m = new StringBuilder("match " + disc + " as u32 { ");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            String payload = null;
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
                                payload = liftFlat(p, coerced);
                            }
                            m.append(i)
                                    .append(" => ")
                                    .append(caseValue(type, layout, i, payload))
                                    .append(", ");
                        }
                        return m.append("d => rt::invalid(\"")
                                .append(WitText.of(type))
                                .append("\", d) }")
                                .toString();
                    }

                    @Override
                    String flagSet(FlagsType type) {
                        return path(type) + " { bits: " + flat.pop() + " as u32 }";
                    }
                });
    }

    /** A record literal or a tuple. */
    private String composite(WitType type, List<String> names, List<String> values) {
        if (names == null) {
            return "(" + String.join(", ", values) + (values.size() == 1 ? ",)" : ")");
        }
        return path(type)
                + " { "
                + IntStream.range(0, names.size())
                        .mapToObj(i -> snake(names.get(i)) + ": " + values.get(i))
                        .collect(Collectors.joining(", "))
                + " }";
    }

    /**
     * A joined slot read as the type a case's payload wants (CanonicalABI.md, lift_flat_variant).
     */
    private static String coerce(FlatType have, FlatType want, String slot) {
        if (have == want) {
            return slot;
        }
        if (want == FlatType.F32) {
            return "f32::from_bits(" + slot + " as u32)";
        }
        if (want == FlatType.F64) {
            return "f64::from_bits(" + slot + " as u64)";
        }
        return "(" + slot + " as i32)";
    }

    /** A payload value widened to the joined slot's type (CanonicalABI.md, lower_flat_variant). */
    private static String widen(FlatType have, FlatType slot, String value) {
        if (have == slot) {
            return value;
        }
        if (have == FlatType.F32) {
            return slot == FlatType.I32
                    ? "((" + value + ").to_bits() as i32)"
                    : "((" + value + ").to_bits() as i64)";
        }
        if (have == FlatType.F64) {
            return "((" + value + ").to_bits() as i64)";
        }
        return "(" + value + " as u32 as i64)";
    }

    private String liftList(WitType element, String ptr, String len) {
        if (element == Primitive.U8) {
            return "rt::bytes_lift(" + ptr + ", " + len + ")";
        }
        String base = var("base");
        String n = var("len");
        String items = var("items");
        String i = var("i");
        int size = Abi.size(element);
        return "{ let "
                + base
                + " = "
                + ptr
                + " as *mut u8; let "
                + n
                + " = "
                + len
                + " as usize; "
                + "let mut "
                + items
                + " = Vec::with_capacity("
                + n
                + "); "
                + "for "
                + i
                + " in 0.."
                + n
                + " { "
                + items
                + ".push("
                + load(element, base + ".add(" + i + " * " + size + ")", 0)
                + "); } "
                + "rt::dealloc("
                + base
                + ", "
                + n
                + " * "
                + size
                + ", "
                + Abi.align(element)
                + "); "
                + items
                + " }";
    }

    /** An expression loading an owned value from {@code base + offset}. */
    private String load(WitType t, String base, int offset) {
        return t.accept(
                new GlueVisitor<String>() {
                    String at(String type, int off) {
                        return "rt::load::<" + type + ">(" + base + ", " + off + ")";
                    }

                    @Override
                    String scalar(Primitive p) {
                        return switch (p) {
                            case BOOL -> "(" + at("u8", offset) + " != 0)";
                            case CHAR -> "rt::char_lift(" + at("i32", offset) + ")";
                            case STRING ->
                                    "rt::string_lift("
                                            + at("i32", offset)
                                            + ", "
                                            + at("i32", offset + 4)
                                            + ")";
                            default -> at(type(p), offset);
                        };
                    }

                    @Override
                    String list(ListType type, WitType element) {
                        return liftList(element, at("i32", offset), at("i32", offset + 4));
                    }

                    @Override
                    String fields(WitType type, List<WitType> types, List<String> names) {
                        int[] offsets = Abi.offsets(types);
                        List<String> values = new ArrayList<>();
                        for (int i = 0; i < types.size(); i++) {
                            values.add(load(types.get(i), base, offset + offsets[i]));
                        }
                        return composite(type, names, values);
                    }

                    @Override
                    String cases(WitType type, Abi.VariantLayout layout) {
                        String disc = discriminant(layout.discriminantSize(), base, offset);
                        StringBuilder m = new StringBuilder("match " + disc + " { ");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            String payload =
                                    layout.payload(i)
                                            .map(
                                                    p ->
                                                            load(
                                                                    p,
                                                                    base,
                                                                    offset
                                                                            + layout
                                                                                    .payloadOffset()))
                                            .orElse(null);
                            m.append(i)
                                    .append(" => ")
                                    .append(caseValue(type, layout, i, payload))
                                    .append(", ");
                        }
                        return m.append("d => rt::invalid(\"")
                                .append(WitText.of(type))
                                .append("\", d) }")
                                .toString();
                    }

                    @Override
                    String flagSet(FlagsType type) {
                        return path(type) + " { bits: " + at(flagsType(type), offset) + " as u32 }";
                    }
                });
    }

    private static String discriminant(int size, String base, int offset) {
        String t = size == 1 ? "u8" : size == 2 ? "u16" : "u32";
        return "(rt::load::<" + t + ">(" + base + ", " + offset + ") as u32)";
    }

    private static String flagsType(FlagsType f) {
        int size = Abi.size(f);
        return size <= 1 ? "u8" : size == 2 ? "u16" : "u32";
    }

    // ---- storing and lowering

    /**
     * Statements storing {@code value} at {@code base + offset}. Owned: strings and lists are
     * handed over (freed at post-return). Borrowed: they are lent, lists laid out in {@code temp}.
     */
    private void store(Code c, WitType t, String value, String base, int offset, boolean owned) {
        t.accept(
                new GlueVisitor<Void>() {
                    void put(String type, int off, String v) {
                        c.line("rt::store::<" + type + ">(" + base + ", " + off + ", " + v + ");");
                    }

                    @Override
                    Void scalar(Primitive p) {
                        switch (p) {
                            case BOOL -> put("u8", offset, value + " as u8");
                            case CHAR -> put("u32", offset, value + " as u32");
                            case STRING -> {
                                if (owned) {
                                    String pair = var("s");
                                    c.line(
                                            "let "
                                                    + pair
                                                    + " = rt::bytes_leak("
                                                    + value
                                                    + ".into_bytes());");
                                    put("i32", offset, pair + ".0");
                                    put("i32", offset + 4, pair + ".1");
                                } else {
                                    put("i32", offset, "(" + value + ").as_ptr() as i32");
                                    put("i32", offset + 4, "(" + value + ").len() as i32");
                                }
                            }
                            default -> put(type(p), offset, value);
                        }
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        String[] range = lowerList(c, element, value, owned);
                        put("i32", offset, range[0]);
                        put("i32", offset + 4, range[1]);
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> names) {
                        int[] offsets = Abi.offsets(types);
                        for (int i = 0; i < types.size(); i++) {
                            String field =
                                    value
                                            + "."
                                            + (names == null
                                                    ? String.valueOf(i)
                                                    : snake(names.get(i)));
                            store(
                                    c,
                                    types.get(i),
                                    owned || GlueVisitor.byValue(types.get(i))
                                            ? field
                                            : "&" + field,
                                    base,
                                    offset + offsets[i],
                                    owned);
                        }
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        String disc =
                                layout.discriminantSize() == 1
                                        ? "u8"
                                        : layout.discriminantSize() == 2 ? "u16" : "u32";
                        c.open("match " + value + " {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            Optional<WitType> payload = layout.payload(i);
                            String p = var("p");
                            String pattern =
                                    payload.isPresent()
                                            ? caseHead(type, layout, i) + "(" + p + ")"
                                            : caseValue(type, layout, i, null);
                            if (type instanceof ResultType && payload.isEmpty()) {
                                pattern = caseHead(type, layout, i) + "(_)";
                            }
                            c.open(pattern + " => {");
                            put(disc, offset, i + "");
                            if (payload.isPresent()) {
                                String v =
                                        owned || !GlueVisitor.byValue(payload.get()) ? p : "*" + p;
                                store(
                                        c,
                                        payload.get(),
                                        v,
                                        base,
                                        offset + layout.payloadOffset(),
                                        owned);
                            }
                            c.close("}");
                        }
                        c.close("}");
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        put(flagsType(type), offset, value + ".bits as " + flagsType(type));
                        return null;
                    }
                });
    }

    /** Lays a list out in memory; returns the (ptr, len) expressions. */
    private String[] lowerList(Code c, WitType element, String value, boolean owned) {
        String ptr = var("ptr");
        String len = var("len");
        if (element == Primitive.U8) {
            if (owned) {
                c.line("let (" + ptr + ", " + len + ") = rt::bytes_leak(" + value + ");");
            } else {
                c.line(
                        "let ("
                                + ptr
                                + ", "
                                + len
                                + ") = (("
                                + value
                                + ").as_ptr() as i32, ("
                                + value
                                + ").len() as i32);");
            }
            return new String[] {ptr, len};
        }
        int size = Abi.size(element);
        int align = Abi.align(element);
        String list = var("list");
        String buf = var("buf");
        String i = var("i");
        String e = var("e");
        c.line("let " + list + " = " + value + ";");
        c.line("let " + len + " = " + list + ".len();");
        c.line(
                "let "
                        + buf
                        + " = "
                        + (owned ? "rt::alloc(" : "temp.alloc(")
                        + len
                        + " * "
                        + size
                        + ", "
                        + align
                        + ");");
        c.open(
                "for ("
                        + i
                        + ", "
                        + e
                        + ") in "
                        + list
                        + (owned ? ".into_iter()" : ".iter()")
                        + ".enumerate() {");
        String at = var("at");
        c.line("let " + at + " = " + buf + ".add(" + i + " * " + size + ");");
        store(c, element, !owned && GlueVisitor.byValue(element) ? "*" + e : e, at, 0, owned);
        c.close("}");
        return new String[] {buf + " as i32", len + " as i32"};
    }

    /** Statements lowering a borrowed value to flat values; returns their expressions. */
    private List<String> lowerFlat(Code c, WitType t, String value) {
        return t.accept(
                new GlueVisitor<List<String>>() {
                    @Override
                    List<String> scalar(Primitive p) {
                        return switch (p) {
                            case BOOL, S8, U8, S16, U16, U32 -> List.of("(" + value + " as i32)");
                            case CHAR -> List.of("(" + value + " as u32 as i32)");
                            case S32, S64, F32, F64 -> List.of(value);
                            case U64 -> List.of("(" + value + " as i64)");
                            case STRING ->
                                    List.of(
                                            "(" + value + ").as_ptr() as i32",
                                            "(" + value + ").len() as i32");
                        };
                    }

                    @Override
                    List<String> list(ListType type, WitType element) {
                        return List.of(lowerList(c, element, value, false));
                    }

                    @Override
                    List<String> fields(WitType type, List<WitType> types, List<String> names) {
                        List<String> flat = new ArrayList<>();
                        for (int i = 0; i < types.size(); i++) {
                            String field =
                                    value
                                            + "."
                                            + (names == null
                                                    ? String.valueOf(i)
                                                    : snake(names.get(i)));
                            flat.addAll(
                                    lowerFlat(
                                            c,
                                            types.get(i),
                                            GlueVisitor.byValue(types.get(i))
                                                    ? field
                                                    : "&" + field));
                        }
                        return flat;
                    }

                    @Override
                    List<String> cases(WitType type, Abi.VariantLayout layout) {
                        if (type instanceof EnumType) {
                            return List.of("(" + value + " as i32)");
                        }
                        List<String> names = new ArrayList<>();
                        names.add(var("d"));
                        for (FlatType slot : layout.joined()) {
                            names.add(var("j"));
                        }
                        c.open("let (" + String.join(", ", names) + ") = match " + value + " {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            Optional<WitType> payload = layout.payload(i);
                            String p = var("p");
                            String pattern =
                                    payload.isPresent()
                                            ? caseHead(type, layout, i) + "(" + p + ")"
                                            : type instanceof ResultType
                                                    ? caseHead(type, layout, i) + "(_)"
                                                    : caseValue(type, layout, i, null);
                            c.open(pattern + " => {");
                            List<String> slots = new ArrayList<>();
                            slots.add(i + "i32");
                            List<String> flat =
                                    payload.isPresent()
                                            ? lowerFlat(
                                                    c,
                                                    payload.get(),
                                                    GlueVisitor.byValue(payload.get())
                                                            ? "*" + p
                                                            : p)
                                            : List.of();
                            List<FlatType> have = payload.map(Abi::flat).orElse(List.of());
                            for (int s = 0; s < layout.joined().size(); s++) {
                                FlatType j = layout.joined().get(s);
                                slots.add(
                                        s < flat.size()
                                                ? widen(have.get(s), j, flat.get(s))
                                                : zero(j));
                            }
                            c.line("(" + String.join(", ", slots) + ")");
                            c.close("}");
                        }
                        c.close("};");
                        return names;
                    }

                    @Override
                    List<String> flagSet(FlagsType type) {
                        return List.of("(" + value + ".bits as i32)");
                    }
                });
    }

    private static String zero(FlatType t) {
        return "0" + core(t);
    }

    /** Statements freeing what post-return must free in a value stored at {@code base + offset}. */
    private void free(Code c, WitType t, String base, int offset) {
        if (!Abi.hasPointers(t)) {
            return;
        }
        t.accept(
                new GlueVisitor<Void>() {
                    String at(int off) {
                        return "rt::load::<i32>(" + base + ", " + off + ")";
                    }

                    @Override
                    Void scalar(Primitive p) {
                        c.line("rt::bytes_free(" + at(offset) + ", " + at(offset + 4) + ");");
                        return null;
                    }

                    @Override
                    Void list(ListType type, WitType element) {
                        if (element == Primitive.U8) {
                            c.line("rt::bytes_free(" + at(offset) + ", " + at(offset + 4) + ");");
                            return null;
                        }
                        String ptr = var("ptr");
                        String len = var("len");
                        int size = Abi.size(element);
                        c.line("let " + ptr + " = " + at(offset) + " as *mut u8;");
                        c.line("let " + len + " = " + at(offset + 4) + " as usize;");
                        if (Abi.hasPointers(element)) {
                            String i = var("i");
                            String e = var("e");
                            c.open("for " + i + " in 0.." + len + " {");
                            c.line("let " + e + " = " + ptr + ".add(" + i + " * " + size + ");");
                            free(c, element, e, 0);
                            c.close("}");
                        }
                        c.line(
                                "rt::dealloc("
                                        + ptr
                                        + ", "
                                        + len
                                        + " * "
                                        + size
                                        + ", "
                                        + Abi.align(element)
                                        + ");");
                        return null;
                    }

                    @Override
                    Void fields(WitType type, List<WitType> types, List<String> names) {
                        int[] offsets = Abi.offsets(types);
                        for (int i = 0; i < types.size(); i++) {
                            free(c, types.get(i), base, offset + offsets[i]);
                        }
                        return null;
                    }

                    @Override
                    Void cases(WitType type, Abi.VariantLayout layout) {
                        c.open(
                                "match "
                                        + discriminant(layout.discriminantSize(), base, offset)
                                        + " {");
                        for (int i = 0; i < layout.cases().size(); i++) {
                            Optional<WitType> payload = layout.payload(i);
                            if (payload.isPresent() && Abi.hasPointers(payload.get())) {
                                c.open(i + " => {");
                                free(c, payload.get(), base, offset + layout.payloadOffset());
                                c.close("}");
                            }
                        }
                        c.line("_ => {}");
                        c.close("}");
                        return null;
                    }

                    @Override
                    Void flagSet(FlagsType type) {
                        return null;
                    }
                });
    }

    // ---- functions

    private static List<String> params(List<FlatType> types, String prefix) {
        return IntStream.range(0, types.size()).mapToObj(i -> prefix + i).toList();
    }

    private static String coreParams(List<FlatType> types, String prefix) {
        return IntStream.range(0, types.size())
                .mapToObj(i -> prefix + i + ": " + core(types.get(i)))
                .collect(Collectors.joining(", "));
    }

    private static String coreResult(List<FlatType> results) {
        return results.isEmpty() ? "" : " -> " + core(results.get(0));
    }

    private static String rustName(Function f) {
        return snake(f.name());
    }

    private void importFunction(String module, Function f) {
        CoreSignature sig = CoreSignature.lower(f);
        String params =
                f.params().stream()
                        .map(p -> snake(p.name()) + ": " + paramType(p.type()))
                        .collect(Collectors.joining(", "));
        String result = f.result().map(r -> " -> " + type(r)).orElse("");
        Code body = new Code("    ");
        List<String> args = new ArrayList<>();
        boolean usesTemp;
        if (sig.paramsInMemory()) {
            TupleType tuple = new TupleType(f.params().stream().map(Function.Param::type).toList());
            body.line("let args = temp.alloc(" + Abi.size(tuple) + ", " + Abi.align(tuple) + ");");
            int[] offsets = Abi.offsets(tuple.types());
            for (int i = 0; i < f.params().size(); i++) {
                store(
                        body,
                        f.params().get(i).type(),
                        snake(f.params().get(i).name()),
                        "args",
                        offsets[i],
                        false);
            }
            args.add("args as i32");
        } else {
            for (Function.Param p : f.params()) {
                args.addAll(lowerFlat(body, p.type(), snake(p.name())));
            }
        }
        String text = body.toString();
        usesTemp = text.contains("temp.");
        if (sig.resultInMemory()) {
            args.add("ret.0.as_mut_ptr() as i32");
        }
        out.line("");
        out.line("/// `" + f.name() + ": " + WitText.of(f) + "` (import)");
        out.line("#[allow(unused_unsafe, clippy::all)]");
        out.open("pub fn " + rustName(f) + "(" + params + ")" + result + " {");
        out.open("unsafe {");
        if (usesTemp) {
            out.line("let mut temp = rt::Temp::default();");
        }
        if (sig.resultInMemory()) {
            int size = Abi.size(f.result().get());
            out.line("let mut ret = rt::RetArea::<" + size + ">([0; " + size + "]);");
        }
        for (String l : text.split("\n")) {
            if (!l.isEmpty()) {
                out.line(l);
            }
        }
        out.line("#[link(wasm_import_module = \"" + module + "\")]");
        out.open("extern \"C\" {");
        out.line("#[link_name = \"" + f.name() + "\"]");
        out.line(
                "fn import("
                        + coreParams(sig.params(), "a")
                        + ")"
                        + coreResult(sig.results())
                        + ";");
        out.close("}");
        String call = "import(" + String.join(", ", args) + ")";
        if (f.result().isEmpty()) {
            out.line(call + ";");
        } else if (sig.resultInMemory()) {
            out.line(call + ";");
            out.line("let base = ret.0.as_mut_ptr();");
            out.line(load(f.result().get(), "base", 0));
        } else {
            out.line("let r0 = " + call + ";");
            Deque<String> flat = new ArrayDeque<>(List.of("r0"));
            out.line(liftFlat(f.result().get(), flat));
        }
        out.close("}");
        out.close("}");
    }

    private void exportTrait(List<Function> functions) {
        out.line("");
        out.line(
                "/// The exported functions, implemented by the guest and exported with the world's"
                        + " macro.");
        out.open("pub trait Guest {");
        for (Function f : functions) {
            out.line("/// `" + f.name() + ": " + WitText.of(f) + "`");
            out.line(
                    "fn "
                            + rustName(f)
                            + "("
                            + f.params().stream()
                                    .map(p -> snake(p.name()) + ": " + type(p.type()))
                                    .collect(Collectors.joining(", "))
                            + ")"
                            + f.result().map(r -> " -> " + type(r)).orElse("")
                            + ";");
        }
        out.close("}");
        int retArea =
                functions.stream()
                        .filter(f -> CoreSignature.lift(f).resultInMemory())
                        .mapToInt(f -> Abi.size(f.result().get()))
                        .max()
                        .orElse(0);
        if (retArea > 0) {
            out.line("");
            out.line(
                    "static mut RET_AREA: rt::RetArea<"
                            + retArea
                            + "> = rt::RetArea([0; "
                            + retArea
                            + "]);");
        }
        for (Function f : functions) {
            exportGlue(f);
        }
    }

    private void exportGlue(Function f) {
        CoreSignature sig = CoreSignature.lift(f);
        out.line("");
        out.line("#[doc(hidden)]");
        out.open(
                "pub unsafe fn _export_"
                        + rustName(f)
                        + "<T: Guest>("
                        + coreParams(sig.params(), "a")
                        + ")"
                        + coreResult(sig.results())
                        + " {");
        List<String> args = new ArrayList<>();
        if (sig.paramsInMemory()) {
            TupleType tuple = new TupleType(f.params().stream().map(Function.Param::type).toList());
            int[] offsets = Abi.offsets(tuple.types());
            out.line("let args = a0 as *mut u8;");
            for (int i = 0; i < f.params().size(); i++) {
                String p = var("p");
                out.line(
                        "let "
                                + p
                                + " = "
                                + load(f.params().get(i).type(), "args", offsets[i])
                                + ";");
                args.add(p);
            }
            out.line("rt::dealloc(args, " + Abi.size(tuple) + ", " + Abi.align(tuple) + ");");
        } else {
            Deque<String> flat = new ArrayDeque<>(params(sig.params(), "a"));
            for (Function.Param p : f.params()) {
                args.add(liftFlat(p.type(), flat));
            }
        }
        String call = "T::" + rustName(f) + "(" + String.join(", ", args) + ")";
        if (f.result().isEmpty()) {
            out.line(call + ";");
        } else if (sig.resultInMemory()) {
            out.line("let result = " + call + ";");
            out.line("let ret = RET_AREA.0.as_mut_ptr();");
            Code c = new Code("    ");
            store(c, f.result().get(), "result", "ret", 0, true);
            for (String l : c.toString().split("\n")) {
                if (!l.isEmpty()) {
                    out.line(l);
                }
            }
            out.line("ret as i32");
        } else {
            out.line("let result = " + call + ";");
            Code c = new Code("    ");
            WitType r = f.result().get();
            List<String> flat = lowerFlat(c, r, GlueVisitor.byValue(r) ? "result" : "&result");
            for (String l : c.toString().split("\n")) {
                if (!l.isEmpty()) {
                    out.line(l);
                }
            }
            out.line(flat.get(0));
        }
        out.close("}");
        List<FlatType> results = CoreSignature.postReturn(f).params();
        boolean frees = frees(f);
        out.line("");
        out.line("#[doc(hidden)]");
        out.open(
                "pub unsafe fn _post_return_"
                        + rustName(f)
                        + "("
                        + coreParams(results, frees ? "a" : "_a")
                        + ") {");
        if (frees) {
            out.line("let ret = a0 as *mut u8;");
            Code c = new Code("    ");
            free(c, f.result().get(), "ret", 0);
            for (String l : c.toString().split("\n")) {
                if (!l.isEmpty()) {
                    out.line(l);
                }
            }
        }
        out.close("}");
    }

    /** Whether post-return has anything to free: the strings and lists of a result in memory. */
    private static boolean frees(Function f) {
        return CoreSignature.lift(f).resultInMemory() && Abi.hasPointers(f.result().get());
    }

    // ---- the world macros

    private void exportMacro(World world) {
        String macro = "export_" + Names.snake(world.name());
        out.line("");
        out.line(
                "/// Exports world `"
                        + world.name()
                        + "` from the guest crate: `"
                        + macro
                        + "!(Component);`");
        out.line(
                "/// where `Component` implements the `Guest` trait of every interface the world"
                        + " exports.");
        out.line("#[macro_export]");
        out.open("macro_rules! " + macro + " {");
        out.open("($t:ty) => {");
        out.open("const _: () = {");
        for (World.WorldItem item : world.exports()) {
            Optional<Interface> iface = Contract.iface(item);
            String module =
                    iface.map(i -> "$crate" + modulePath(i).substring("crate".length()))
                            .orElse(
                                    "$crate::"
                                            + snake(world.pkg().namespace())
                                            + "::"
                                            + snake(world.pkg().name())
                                            + "::"
                                            + snake(world.name()));
            for (Function f : Contract.functions(item)) {
                CoreSignature sig = CoreSignature.lift(f);
                String exportName =
                        iface.map(i -> i.qualifiedName() + "#" + f.name()).orElse(f.name());
                String fn =
                        "_"
                                + Names.snake(iface.map(Interface::name).orElse(world.name()))
                                + "_"
                                + rustName(f);
                out.line("#[export_name = \"" + exportName + "\"]");
                out.open(
                        "unsafe extern \"C\" fn "
                                + fn
                                + "("
                                + coreParams(sig.params(), "a")
                                + ")"
                                + coreResult(sig.results())
                                + " {");
                out.line(
                        module
                                + "::_export_"
                                + rustName(f)
                                + "::<$t>("
                                + String.join(", ", params(sig.params(), "a"))
                                + ")");
                out.close("}");
                List<FlatType> results = CoreSignature.postReturn(f).params();
                out.line("#[export_name = \"cabi_post_" + exportName + "\"]");
                out.open(
                        "unsafe extern \"C\" fn "
                                + fn
                                + "_post_return("
                                + coreParams(results, "a")
                                + ") {");
                out.line(
                        module
                                + "::_post_return_"
                                + rustName(f)
                                + "("
                                + String.join(", ", params(results, "a"))
                                + ")");
                out.close("}");
            }
        }
        out.close("};");
        out.close("};");
        out.close("}");
    }

    static Map<String, String> files(Contract contract, String source) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rust/bindings.rs", generate(contract, source));
        return files;
    }
}
