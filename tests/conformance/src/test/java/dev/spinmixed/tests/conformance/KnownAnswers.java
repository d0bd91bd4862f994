package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls whose answers follow from the guests' documented behaviour (echo.wit and the C sources),
 * written down by hand: they pin the guests themselves, so the conformance comparison cannot pass
 * on two hosts that agree on a wrong answer for these.
 */
final class KnownAnswers {

    record Answer(Call call, String expected) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KnownAnswers() {}

    /** The answers for a world; a relay gives its twin's answers. */
    static List<Answer> of(String world) {
        String answering = Guests.importsServedBy(world).orElse(world);
        return ALL.stream()
                .filter(a -> a.call().target().world().equals(answering))
                .map(
                        a ->
                                new Answer(
                                        new Call(
                                                relayed(world, a.call().target()), a.call().args()),
                                        a.expected()))
                .toList();
    }

    private static ExportedFunction relayed(String world, ExportedFunction target) {
        return new ExportedFunction(world, target.iface(), target.function());
    }

    private static final List<Answer> ALL =
            List.of(
                    answer("scalar-echo", "scalars", "negate", "[true]", "false"),
                    answer("scalar-echo", "scalars", "inc-s8", "[127]", "-128"),
                    answer("scalar-echo", "scalars", "inc-u8", "[255]", "0"),
                    answer("scalar-echo", "scalars", "inc-s16", "[-1]", "0"),
                    answer("scalar-echo", "scalars", "inc-u16", "[65535]", "0"),
                    answer("scalar-echo", "scalars", "inc-s32", "[2147483647]", "-2147483648"),
                    answer("scalar-echo", "scalars", "inc-u32", "[4294967295]", "0"),
                    answer(
                            "scalar-echo",
                            "scalars",
                            "inc-s64",
                            "[\"9223372036854775807\"]",
                            "\"-9223372036854775808\""),
                    answer(
                            "scalar-echo",
                            "scalars",
                            "inc-u64",
                            "[\"18446744073709551614\"]",
                            "\"18446744073709551615\""),
                    answer("scalar-echo", "scalars", "neg-f32", "[\"00000000\"]", "\"80000000\""),
                    answer(
                            "scalar-echo",
                            "scalars",
                            "echo-f64",
                            "[\"8000000000000000\"]",
                            "\"8000000000000000\""),
                    answer("scalar-echo", "scalars", "neg-f64", "[\"nan\"]", "\"nan\""),
                    answer("scalar-echo", "scalars", "next-char", "[55295]", "57344"),
                    answer("scalar-echo", "scalars", "next-char", "[1114111]", "0"),
                    answer(
                            "scalar-echo",
                            "scalars",
                            "sum-mixed",
                            "[1, -2, 3, \"-4\", \"3f800000\", \"4000000000000000\"]",
                            "\"3ff0000000000000\""),
                    answer("scalar-echo", "scalars", "answer", "[]", "42"),
                    answer("scalar-echo", "scalars", "nothing", "[]", "null"),
                    answer("scalar-echo", null, "version", "[]", "\"conformance 0.1.0 ✓\""),
                    answer("text-echo", "text", "reverse", "[\"hé😀\"]", "\"😀éh\""),
                    answer("text-echo", "text", "concat", "[\"\", \"日本\"]", "\"日本\""),
                    answer(
                            "text-echo",
                            "text",
                            "count-code-points",
                            "[\"a\uD83D\uDE00\u00E9\"]",
                            "3"),
                    answer("text-echo", "text", "reverse-bytes", "[\"0001ff\"]", "\"ff0100\""),
                    answer(
                            "text-echo",
                            "text",
                            "split",
                            "[\",a,,b\", 44]",
                            "[\"\",\"a\",\"\",\"b\"]"),
                    answer(
                            "text-echo",
                            "text",
                            "join",
                            "[[\"x\", \"\", \"ÿ\"], \"--\"]",
                            "\"x----ÿ\""),
                    answer("text-echo", "text", "reverse-all", "[[\"ab\", \"\"]]", "[\"\",\"ba\"]"),
                    answer("text-echo", "text", "pending-allocations", "[]", "0"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "move-point",
                            "[{\"x\": 2147483647, \"y\": 0}, 1, -1]",
                            "{\"x\":-2147483648,\"y\":-1}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "birthday",
                            "[{\"name\": \"Ann\", \"age\": 255, \"email\": null, \"tags\": [\"a\","
                                    + " \"b\"], \"score\": \"3ff0000000000000\", \"favourite\":"
                                    + " 55295}]",
                            "{\"name\":\"nnA\",\"age\":0,\"email\":{\"some\":\"Ann\"},\"tags\":[\"b\",\"a\"],"
                                + "\"score\":\"bff0000000000000\",\"favourite\":57344}"),
                    answer("structured-echo", "shapes", "next-color", "[\"white\"]", "\"red\""),
                    answer(
                            "structured-echo",
                            "shapes",
                            "toggle-medium",
                            "[[\"m0\", \"m9\"]]",
                            "[\"m1\",\"m2\",\"m3\",\"m4\",\"m5\",\"m6\",\"m7\",\"m8\"]"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "toggle-wide",
                            "[[]]",
                            "[\"w0\",\"w1\",\"w2\",\"w3\",\"w4\",\"w5\",\"w6\","
                                + "\"w7\",\"w8\",\"w9\",\"w10\",\"w11\",\"w12\",\"w13\",\"w14\",\"w15\",\"w16\",\"w17\",\"w18\",\"w19\"]"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "grow-shape",
                            "[{\"case\": \"circle\", \"value\": \"3f800000\"}]",
                            "{\"case\":\"circle\",\"value\":\"40000000\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "grow-shape",
                            "[{\"case\": \"big\", \"value\": \"18446744073709551615\"}]",
                            "{\"case\":\"big\",\"value\":\"0\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "grow-shape",
                            "[{\"case\": \"empty\"}]",
                            "{\"case\":\"empty\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "negate-number",
                            "[{\"case\": \"f\", \"value\": \"3f800000\"}]",
                            "{\"case\":\"f\",\"value\":\"bf800000\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "negate-number",
                            "[{\"case\": \"i\", \"value\": -2147483648}]",
                            "{\"case\":\"i\",\"value\":-2147483648}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "swap-twin",
                            "[{\"case\": \"left\", \"value\": \"80000000\"}]",
                            "{\"case\":\"right\",\"value\":\"80000000\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "bump-mixed",
                            "[{\"case\": \"a\", \"value\": \"3f800000\"}]",
                            "{\"case\":\"a\",\"value\":\"bf800000\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "bump-mixed",
                            "[{\"case\": \"c\", \"value\": [\"3f800000\", \"80000000\"]}]",
                            "{\"case\":\"c\",\"value\":[\"80000000\",\"3f800000\"]}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "bump-mixed",
                            "[{\"case\": \"d\", \"value\": [255, \"3ff0000000000000\"]}]",
                            "{\"case\":\"d\",\"value\":[0,\"bff0000000000000\"]}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "swap",
                            "[[7, \"s\", \"3ff0000000000000\"]]",
                            "[\"3ff0000000000000\",\"s\",7]"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "maybe-inc",
                            "[{\"some\": 4294967295}]",
                            "{\"some\":0}"),
                    answer("structured-echo", "shapes", "maybe-maybe", "[null]", "{\"some\":null}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "maybe-maybe",
                            "[{\"some\": null}]",
                            "null"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "maybe-maybe",
                            "[{\"some\": {\"some\": \"ab\"}}]",
                            "{\"some\":{\"some\":\"ba\"}}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "flip-result",
                            "[{\"ok\": 5}]",
                            "{\"err\":5}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "flip-result",
                            "[{\"err\": \"no\"}]",
                            "{\"ok\":\"no\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "flip-unit-result",
                            "[{\"err\": null}]",
                            "{\"ok\":null}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "next-err-color",
                            "[{\"err\": \"black\"}]",
                            "{\"err\":\"white\"}"),
                    answer(
                            "structured-echo",
                            "shapes",
                            "neg-ok-result",
                            "[{\"err\": null}]",
                            "{\"err\":null}"),
                    answer(
                            "structured-echo",
                            "nested",
                            "transform-table",
                            "[{\"name\": \"t\", \"entries\": [{\"key\": \"k\", \"values\":"
                                + " [{\"case\": \"pair\", \"value\": [32767, 65]}, {\"case\":"
                                + " \"points\", \"value\": [{\"x\": 1, \"y\": 2}]}, {\"case\":"
                                + " \"perms\", \"value\": [\"read\"]}], \"color\": \"red\","
                                + " \"weight\": {\"some\": \"3f800000\"}}], \"grid\": [[\"-1\"],"
                                + " []], \"meta\": {\"some\": [[\"ab\"]]}}]",
                            "{\"name\":\"t\",\"entries\":[{\"key\":\"k\",\"values\":[{\"case\":\"pair\",\"value\":[-32768,66]},"
                                + "{\"case\":\"points\",\"value\":[{\"x\":2,\"y\":1}]},{\"case\":\"perms\",\"value\":[\"write\",\"exec\"]}],"
                                + "\"color\":\"green\",\"weight\":{\"some\":\"bf800000\"}}],\"grid\":[[\"0\"],[]],"
                                + "\"meta\":{\"some\":[[\"ba\"]]}}"),
                    answer(
                            "structured-echo",
                            "nested",
                            "invert-lists",
                            "[[true], [1], [\"1\"], [\"3f800000\"], [97]]",
                            "[[false],[2],[\"2\"],[\"bf800000\"],[98]]"),
                    answer(
                            "structured-echo",
                            "nested",
                            "invert-more-lists",
                            "[[-128], [65535], [-1], [4294967295], [\"-1\"],"
                                    + " [\"8000000000000000\"], [\"white\"], [[\"w0\"]]]",
                            "[[-127],[0],[0],[0],[\"0\"],[\"0000000000000000\"],[\"red\"],[[\"w1\",\"w2\",\"w3\",\"w4\","
                                + "\"w5\",\"w6\",\"w7\",\"w8\",\"w9\",\"w10\",\"w11\",\"w12\",\"w13\",\"w14\",\"w15\",\"w16\","
                                + "\"w17\",\"w18\",\"w19\"]]]"),
                    answer(
                            "structured-echo",
                            "nested",
                            "inc-options",
                            "[[null, {\"some\": 65535}]]",
                            "[null,{\"some\":0}]"),
                    answer(
                            "structured-echo",
                            "nested",
                            "bump-results",
                            "[[{\"ok\": 255}, {\"err\": \"xy\"}]]",
                            "[{\"ok\":0},{\"err\":\"yx\"}]"),
                    answer(
                            "structured-echo",
                            "boundaries",
                            "toggle-all",
                            "[[], [\"b8\"], [\"c0\", \"c15\"], [\"d16\"], [\"e0\", \"e31\"]]",
                            "[[\"a0\",\"a1\",\"a2\",\"a3\",\"a4\",\"a5\",\"a6\",\"a7\"],[\"b0\",\"b1\",\"b2\",\"b3\",\"b4\",\"b5\",\"b6\",\"b7\"],[\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\",\"c7\",\"c8\",\"c9\",\"c10\",\"c11\",\"c12\",\"c13\",\"c14\"],[\"d0\",\"d1\",\"d2\",\"d3\",\"d4\",\"d5\",\"d6\",\"d7\",\"d8\",\"d9\",\"d10\",\"d11\",\"d12\",\"d13\",\"d14\",\"d15\"],[\"e1\",\"e2\",\"e3\",\"e4\",\"e5\",\"e6\",\"e7\",\"e8\",\"e9\",\"e10\",\"e11\",\"e12\",\"e13\",\"e14\",\"e15\",\"e16\",\"e17\",\"e18\",\"e19\",\"e20\",\"e21\",\"e22\",\"e23\",\"e24\",\"e25\",\"e26\",\"e27\",\"e28\",\"e29\",\"e30\"]]"),
                    answer("structured-echo", "boundaries", "next-case", "[\"e256\"]", "\"e0\""),
                    answer(
                            "structured-echo",
                            "boundaries",
                            "next-cases",
                            "[[\"e255\", \"e0\"]]",
                            "[\"e256\",\"e1\"]"),
                    answer(
                            "structured-echo",
                            "spill",
                            "sum-sixteen",
                            "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4294967295]",
                            "\"68719476840\""),
                    answer(
                            "structured-echo",
                            "spill",
                            "sum-seventeen",
                            "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, \"2\"]",
                            "\"50\""),
                    answer(
                            "structured-echo",
                            "spill",
                            "gather",
                            "[255, -128, 65535, -32768, 4294967295, 2147483647,"
                                    + " \"18446744073709551615\", \"-1\", \"3f800000\","
                                    + " \"0000000000000000\", false, 1114111, \"añ\", \"0102\","
                                    + " {\"some\": 1}, {\"x\": 3, \"y\": 4}, \"blue\"]",
                            "{\"a\":0,\"b\":-127,\"c\":0,\"d\":-32767,\"e\":0,\"f\":-2147483648,\"g\":\"0\",\"h\":\"0\","
                                + "\"i\":\"bf800000\",\"j\":\"8000000000000000\",\"k\":true,\"l\":0,\"m\":\"ña\",\"n\":\"0201\","
                                + "\"o\":{\"some\":2},\"p\":{\"x\":4,\"y\":3},\"q\":\"cyan\"}"));

    private static Answer answer(
            String world, String iface, String function, String args, String expected) {
        try {
            List<JsonNode> values = new ArrayList<>();
            MAPPER.readTree(args).forEach(values::add);
            String canonical = MAPPER.readTree(expected).toString();
            return new Answer(new Call(Guests.function(world, iface, function), values), canonical);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
