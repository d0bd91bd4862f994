package dev.spinmixed.tests.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of WIT type, parsed from source and resolved. */
class TypesTest {

    private static Interface iface(String body) {
        return WitLoader.parse("package test:types;\ninterface i {\n" + body + "\n}\n", "types.wit")
                .iface("test:types/i");
    }

    private static WitType alias(String type) {
        return iface("type t = " + type + ";").types().get("t");
    }

    @Test
    void everyPrimitive() {
        String[] names = {
            "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char",
            "string"
        };
        for (int i = 0; i < names.length; i++) {
            assertEquals(Primitive.values()[i], alias(names[i]), names[i]);
            assertEquals(names[i], Primitive.values()[i].witName());
        }
    }

    @Test
    void oldFloatNamesAreAliasesOfF32AndF64() {
        assertEquals(Primitive.F32, alias("float32"));
        assertEquals(Primitive.F64, alias("float64"));
    }

    @Test
    void listOptionTuple() {
        assertEquals(
                new WitType.ListType(new WitType.ListType(Primitive.STRING)),
                alias("list<list<string>>"));
        assertEquals(
                new WitType.OptionType(new WitType.OptionType(Primitive.U8)),
                alias("option<option<u8>>"));
        assertEquals(new WitType.TupleType(List.of(Primitive.U8)), alias("tuple<u8>"));
        assertEquals(
                new WitType.TupleType(List.of(Primitive.CHAR, Primitive.BOOL, Primitive.F64)),
                alias("tuple<char, bool, f64,>"));
    }

    @Test
    void theFourFormsOfResult() {
        assertEquals(new WitType.ResultType(Optional.empty(), Optional.empty()), alias("result"));
        assertEquals(
                new WitType.ResultType(Optional.of(Primitive.U32), Optional.empty()),
                alias("result<u32>"));
        assertEquals(
                new WitType.ResultType(Optional.empty(), Optional.of(Primitive.STRING)),
                alias("result<_, string>"));
        assertEquals(
                new WitType.ResultType(Optional.of(Primitive.U32), Optional.of(Primitive.STRING)),
                alias("result<u32, string>"));
        assertEquals(
                new WitType.ListType(new WitType.ResultType(Optional.empty(), Optional.empty())),
                alias("list<result>"));
    }

    @Test
    void recordVariantEnumFlags() {
        Interface i =
                iface(
                        """
                        record point { x: s32, y: s32 }
                        variant shape {
                            empty,
                            dot(point),
                            path(list<point>),
                        }
                        enum color { red, green, blue }
                        flags perms { read, write, exec, }
                        """);
        WitType point =
                new WitType.RecordType(
                        "point",
                        List.of(
                                new WitType.Field("x", Primitive.S32),
                                new WitType.Field("y", Primitive.S32)));
        assertEquals(point, i.types().get("point"));
        assertEquals(
                new WitType.VariantType(
                        "shape",
                        List.of(
                                new WitType.Case("empty", Optional.empty()),
                                new WitType.Case("dot", Optional.of(point)),
                                new WitType.Case(
                                        "path", Optional.of(new WitType.ListType(point))))),
                i.types().get("shape"));
        assertEquals(
                new WitType.EnumType("color", List.of("red", "green", "blue")),
                i.types().get("color"));
        assertEquals(
                new WitType.FlagsType("perms", List.of("read", "write", "exec")),
                i.types().get("perms"));
    }

    @Test
    void thirtyTwoFlagsAreAllowed() {
        StringBuilder flags = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            flags.append("f").append(i).append(", ");
        }
        assertEquals(
                32,
                ((WitType.FlagsType) iface("flags many { " + flags + "}").types().get("many"))
                        .flags()
                        .size());
    }

    @Test
    void aliasesAreFollowedAndNamedTypesKeepTheirName() {
        Interface i =
                iface(
                        """
                        type id = string;
                        type ids = list<id>;
                        type also-ids = ids;
                        type where = location;
                        record location { lat: f64, lon: f64 }
                        """);
        assertEquals(new WitType.ListType(Primitive.STRING), i.types().get("also-ids"));
        assertEquals("location", ((WitType.RecordType) i.types().get("where")).name());
        assertEquals(i.types().get("location"), i.types().get("where"));
    }

    @Test
    void typesMayBeUsedBeforeTheirDefinition() {
        Interface i =
                iface(
                        """
                        get: func(k: key) -> option<entry>;
                        record entry { key: key, value: list<u8> }
                        type key = string;
                        """);
        assertEquals(
                "func(k: string) -> option<entry>", WitText.of(i.function("get").orElseThrow()));
    }

    @Test
    void functionsWithoutParametersOrResult() {
        Interface i =
                iface(
                        """
                        run: func();
                        pair: func(a: u8, b: u8,) -> tuple<u8, u8>;
                        """);
        assertEquals("func()", WitText.of(i.function("run").orElseThrow()));
        assertEquals(Optional.empty(), i.function("run").orElseThrow().result());
        assertEquals(
                "func(a: u8, b: u8) -> tuple<u8, u8>",
                WitText.of(i.function("pair").orElseThrow()));
    }

    @Test
    void escapedIdentifiersMayBeKeywords() {
        Interface i =
                iface(
                        """
                        record %record { %type: string, %list: u8 }
                        %use: func(%enum: %record) -> %record;
                        """);
        assertEquals(
                List.of(
                        new WitType.Field("type", Primitive.STRING),
                        new WitType.Field("list", Primitive.U8)),
                ((WitType.RecordType) i.types().get("record")).fields());
        assertEquals("func(enum: record) -> record", WitText.of(i.function("use").orElseThrow()));
    }

    @Test
    void kebabCaseWithAcronymsAndDigits() {
        Interface i = iface("record parse-XML-v2 { utf8-bytes: list<u8> }");
        assertEquals("parse-XML-v2", ((WitType.RecordType) i.types().get("parse-XML-v2")).name());
    }

    @Test
    void commentsDocCommentsAndFeatureGatesAreSkipped() {
        Interface i =
                iface(
                        """
                        /// A doc comment.
                        /** A block doc comment. */
                        /* nested /* block */ comment */
                        // line comment
                        @since(version = 0.2.0)
                        type a = u8; // trailing
                        @unstable(feature = fancy-things)
                        b: func(/* inline */ x: a);
                        @deprecated(version = 1.0.0)
                        type c = u16;
                        """);
        assertEquals(Primitive.U8, i.types().get("a"));
        assertEquals("func(x: u8)", WitText.of(i.function("b").orElseThrow()));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndings() {
        Interface i =
                WitLoader.parse(
                                "\uFEFFpackage test:bom;\r\n"
                                        + "interface i {\r\n"
                                        + "  type t = u8;\r\n"
                                        + "}\r\n",
                                "bom.wit")
                        .iface("test:bom/i");
        assertEquals(Primitive.U8, i.types().get("t"));
    }

    @Test
    void witTextRendersEveryKindOfType() {
        assertEquals(
                "result<_, list<option<tuple<u8, string>>>>",
                WitText.of(alias("result<_, list<option<tuple<u8, string>>>>")));
        assertEquals("result<u8>", WitText.of(alias("result<u8>")));
        assertEquals("result", WitText.of(alias("result")));
    }
}
