package dev.spinmixed.tests.app.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.ValueModel;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.bindgen.Bindgen;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.WitType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guest glue the generator emits for C, Rust and AssemblyScript, on every kind of WIT type
 * (src/test/glue/wit/glue.wit): echo guests answer their arguments, relay guests forward each call
 * to another language's echo guest through their imports. Random values go through the JVM host's
 * lowering, the glue's lifting, the guest, the glue's lowering and the host's lifting, and must
 * come back equal.
 */
class GeneratedGlueTest {

    private static final String ECHO = "test:glue/echo@0.1.0";
    private static final int CALLS = 40;
    private static final List<String> LANGUAGES = List.of("c", "rust", "assemblyscript");

    @org.junit.jupiter.api.io.TempDir static Path dir;

    private static WitResolve wit;
    private static Interface echo;

    private static Path sources() {
        return AppCopy.repository().resolve("tests/app/src/test/glue");
    }

    private static Path module(String language, String kind) {
        return dir.resolve(language + "-" + kind + ".wasm");
    }

    @BeforeAll
    static void buildTheGuests() throws Exception {
        wit = WitLoader.loadDirectory(sources().resolve("wit"));
        echo = wit.iface(ECHO);
        Path bindings = dir.resolve("bindings");
        Bindgen.main(
                new String[] {"guests", sources().resolve("wit").toString(), bindings.toString()});
        AppCopy repo = AppCopy.at(AppCopy.repository());
        for (String language : LANGUAGES) {
            for (String kind : List.of("echo", "relay")) {
                String source =
                        switch (language) {
                            case "rust" -> "rust/" + kind + ".rs";
                            default -> language + "/" + kind;
                        };
                AppCopy.Run build =
                        repo.run(
                                Map.of(
                                        "GUEST_LANGUAGE",
                                        language,
                                        "GUEST_WORLD",
                                        kind + "-guest",
                                        "GUEST_BINDINGS",
                                        bindings.toString()),
                                "bash",
                                repo.path("apps/build/build-guest.sh").toString(),
                                sources().resolve(source).toString(),
                                module(language, kind).toString());
                assertEquals(0, build.exitCode(), language + " " + kind + ": " + build.output());
            }
        }
    }

    private static Component load(String language, String kind) throws IOException {
        return Component.load(
                language + "-" + kind, module(language, kind), wit.world(kind + "-guest"));
    }

    /** Each echo guest alone, and each relay in front of the next language's echo. */
    static Stream<Arguments> wirings() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            out.add(Arguments.of(LANGUAGES.get(i), null));
            out.add(Arguments.of(LANGUAGES.get(i), LANGUAGES.get((i + 1) % LANGUAGES.size())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wirings")
    void everyValueComesBackEqual(String language, String echoedBy) throws Exception {
        Composition.Builder builder =
                echoedBy == null
                        ? Composition.builder(load(language, "echo"))
                        : Composition.builder(load(language, "relay"))
                                .dependency(ECHO, load(echoedBy, "echo"));
        Random random = new Random(language.hashCode() * 31L + String.valueOf(echoedBy).hashCode());
        try (Composition guest = builder.maxInstances(1).build()) {
            for (Function f : echo.functions()) {
                for (int call = 0; call < CALLS; call++) {
                    List<Object> args = new ArrayList<>();
                    f.params().forEach(p -> args.add(value(p.type(), random, 0)));
                    Object result = guest.call(ECHO, f.name(), args);
                    Object expected =
                            f.result().isEmpty() ? null : args.size() == 1 ? args.get(0) : args;
                    assertTrue(
                            ValueModel.equal(expected, result),
                            f.name()
                                    + ": sent "
                                    + ValueModel.show(args)
                                    + ", got "
                                    + ValueModel.show(result));
                }
            }
        }
    }

    /**
     * A random value of the type; lists shrink with depth. NaNs are left out (they canonicalize).
     */
    private static Object value(WitType type, Random random, int depth) {
        return type.accept(
                new WitType.Visitor<Object>() {
                    @Override
                    public Object primitive(WitType.Primitive p) {
                        return switch (p) {
                            case BOOL -> random.nextBoolean();
                            case S8 -> (int) (byte) random.nextInt();
                            case U8 -> random.nextInt(1 << 8);
                            case S16 -> (int) (short) random.nextInt();
                            case U16 -> random.nextInt(1 << 16);
                            case S32 -> random.nextInt();
                            case U32 -> random.nextInt() & 0xFFFFFFFFL;
                            case S64, U64 -> random.nextLong();
                            case F32 -> finite(Float.intBitsToFloat(random.nextInt()));
                            case F64 -> finite(Double.longBitsToDouble(random.nextLong()));
                            case CHAR -> {
                                int c = random.nextInt(0x110000 - 0x800);
                                yield c >= 0xD800 ? c + 0x800 : c;
                            }
                            case STRING -> text(random);
                        };
                    }

                    @Override
                    public Object list(WitType.ListType l) {
                        int n = random.nextInt(depth == 0 ? 5 : 3);
                        if (l.element() == WitType.Primitive.U8) {
                            byte[] bytes = new byte[n * 3];
                            random.nextBytes(bytes);
                            return bytes;
                        }
                        List<Object> items = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            items.add(value(l.element(), random, depth + 1));
                        }
                        return items;
                    }

                    @Override
                    public Object option(WitType.OptionType o) {
                        return random.nextInt(3) == 0
                                ? Optional.empty()
                                : Optional.of(value(o.some(), random, depth));
                    }

                    @Override
                    public Object result(WitType.ResultType r) {
                        boolean ok = random.nextBoolean();
                        Object payload =
                                (ok ? r.ok() : r.err())
                                        .map(t -> value(t, random, depth))
                                        .orElse(null);
                        return ok ? Result.ok(payload) : Result.err(payload);
                    }

                    @Override
                    public Object tuple(WitType.TupleType t) {
                        List<Object> items = new ArrayList<>();
                        t.types().forEach(e -> items.add(value(e, random, depth)));
                        return items;
                    }

                    @Override
                    public Object record(WitType.RecordType r) {
                        List<Object> values = new ArrayList<>();
                        r.fields().forEach(f -> values.add(value(f.type(), random, depth)));
                        return new Record(
                                r.fields().stream().map(WitType.Field::name).toList(), values);
                    }

                    @Override
                    public Object variant(WitType.VariantType v) {
                        WitType.Case c = v.cases().get(random.nextInt(v.cases().size()));
                        return new Variant(
                                c.name(), c.type().map(t -> value(t, random, depth)).orElse(null));
                    }

                    @Override
                    public Object enumType(WitType.EnumType e) {
                        return e.cases().get(random.nextInt(e.cases().size()));
                    }

                    @Override
                    public Object flags(WitType.FlagsType f) {
                        Set<String> set = new LinkedHashSet<>();
                        f.flags().stream().filter(x -> random.nextBoolean()).forEach(set::add);
                        return set;
                    }
                });
    }

    private static float finite(float f) {
        return Float.isNaN(f) ? 1.5f : f;
    }

    private static double finite(double d) {
        return Double.isNaN(d) ? -2.25 : d;
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(
                    switch (random.nextInt(3)) {
                        case 0 -> 0x20 + random.nextInt(0x5F);
                        case 1 -> 0xE9 + random.nextInt(0x100);
                        default -> 0x1F600 + random.nextInt(0x40);
                    });
        }
        return s.toString();
    }
}
