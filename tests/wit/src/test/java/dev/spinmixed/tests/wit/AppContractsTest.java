package dev.spinmixed.tests.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.PackageName;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's real contracts, apps/wit with deps/spin: every world resolves with the exact
 * signatures.
 */
class AppContractsTest {

    private static final PackageName APP =
            new PackageName("acme", "orders-app", Optional.of("0.1.0"));
    private static final PackageName ORDERS =
            new PackageName("acme", "orders", Optional.of("0.1.0"));
    private static final PackageName VALIDATION =
            new PackageName("acme", "validation", Optional.of("0.1.0"));
    private static final PackageName PRICING =
            new PackageName("acme", "pricing", Optional.of("0.1.0"));
    private static final PackageName INVENTORY =
            new PackageName("acme", "inventory", Optional.of("0.1.0"));
    private static final PackageName SPIN = new PackageName("fermyon", "spin", Optional.empty());
    private static final WitType STRING_PAIRS =
            new WitType.ListType(
                    new WitType.TupleType(List.of(Primitive.STRING, Primitive.STRING)));
    private static final WitType BYTES = new WitType.ListType(Primitive.U8);

    private static WitResolve wit;

    @BeforeAll
    static void load() {
        wit = WitLoader.loadDirectory(Path.of("../../apps/wit"));
    }

    @Test
    void loadsTheWorldsPackageAndOnePackagePerContract() {
        assertEquals(APP, wit.mainPackage().name());
        assertEquals(
                Set.of(APP, ORDERS, VALIDATION, PRICING, INVENTORY, SPIN), wit.packages().keySet());
        assertEquals(Set.of(), wit.mainPackage().interfaces().keySet());
        assertEquals(Set.of("types"), wit.packages().get(ORDERS).interfaces().keySet());
        assertEquals(Set.of("validation"), wit.packages().get(VALIDATION).interfaces().keySet());
        assertEquals(Set.of("pricing"), wit.packages().get(PRICING).interfaces().keySet());
        assertEquals(Set.of("inventory"), wit.packages().get(INVENTORY).interfaces().keySet());
        assertEquals(
                Set.of(
                        "validation-component",
                        "pricing-component",
                        "inventory-component",
                        "orchestrator",
                        "hops-ingress",
                        "validation-relay",
                        "pricing-relay",
                        "inventory-relay"),
                wit.mainPackage().worlds().keySet());
        assertEquals(
                Set.of(
                        "http-types",
                        "inbound-http",
                        "redis-types",
                        "redis",
                        "inbound-redis",
                        "config"),
                wit.packages().get(SPIN).interfaces().keySet());
    }

    @Test
    void orchestratorWorldImportsThePipelineAndSpinAndExportsInboundHttp() {
        World world = wit.world("orchestrator");
        assertEquals(
                List.of(
                        "acme:validation/validation@0.1.0",
                        "acme:pricing/pricing@0.1.0",
                        "acme:inventory/inventory@0.1.0",
                        "fermyon:spin/redis",
                        "fermyon:spin/config"),
                names(world.imports()));
        assertEquals(List.of("fermyon:spin/inbound-http"), names(world.exports()));

        Interface validation = iface(world.imports().get(0));
        assertEquals(
                Map.of("validate", "func(order: order) -> result<order, rejection>"),
                signatures(validation));
        WitType.ResultType result =
                (WitType.ResultType)
                        validation.function("validate").orElseThrow().result().orElseThrow();
        assertEquals(
                validation.function("validate").orElseThrow().params().get(0).type(),
                result.ok().orElseThrow());
        WitType.RecordType rejection = (WitType.RecordType) result.err().orElseThrow();
        assertEquals(
                new WitType.Field(
                        "step",
                        new WitType.EnumType("step", List.of("validate", "price", "reserve"))),
                rejection.fields().get(0));
        assertEquals(
                new WitType.Field(
                        "problems",
                        new WitType.ListType(
                                new WitType.RecordType(
                                        "problem",
                                        List.of(
                                                new WitType.Field("field", Primitive.STRING),
                                                new WitType.Field("reason", Primitive.STRING))))),
                rejection.fields().get(1));

        assertEquals(
                Map.of("price", "func(order: order) -> result<priced-order, rejection>"),
                signatures(iface(world.imports().get(1))));
        assertEquals(
                Map.of("reserve", "func(order: priced-order) -> result<reservation, rejection>"),
                signatures(iface(world.imports().get(2))));
    }

    @Test
    void orderRecordIsFullyResolved() {
        WitType.RecordType order =
                (WitType.RecordType) wit.iface("acme:orders/types@0.1.0").types().get("order");
        WitType line =
                new WitType.RecordType(
                        "line",
                        List.of(
                                new WitType.Field("sku", Primitive.STRING),
                                new WitType.Field("quantity", Primitive.U32),
                                new WitType.Field("unit-price-cents", Primitive.U64)));
        assertEquals(
                new WitType.RecordType(
                        "order",
                        List.of(
                                new WitType.Field("id", Primitive.STRING),
                                new WitType.Field("customer", Primitive.STRING),
                                new WitType.Field("region", Primitive.STRING),
                                new WitType.Field("lines", new WitType.ListType(line)),
                                new WitType.Field(
                                        "coupon", new WitType.OptionType(Primitive.STRING)))),
                order);
    }

    @Test
    void inboundHttpTakesTheFiveFieldRequestAndReturnsTheResponse() {
        Interface inbound = iface(wit.world("orchestrator").exports().get(0));
        assertEquals(Optional.of(SPIN), inbound.pkg());
        assertEquals("fermyon:spin/inbound-http", inbound.qualifiedName());
        Function handle = inbound.function("handle-request").orElseThrow();
        assertEquals("func(req: request) -> response", WitText.of(handle));

        WitType method =
                new WitType.EnumType(
                        "method",
                        List.of("get", "post", "put", "delete", "patch", "head", "options"));
        assertEquals(
                new WitType.RecordType(
                        "request",
                        List.of(
                                new WitType.Field("method", method),
                                new WitType.Field("uri", Primitive.STRING),
                                new WitType.Field("headers", STRING_PAIRS),
                                new WitType.Field("params", STRING_PAIRS),
                                new WitType.Field("body", new WitType.OptionType(BYTES)))),
                handle.params().get(0).type());
        assertEquals(
                new WitType.RecordType(
                        "response",
                        List.of(
                                new WitType.Field("status", Primitive.U16),
                                new WitType.Field("headers", new WitType.OptionType(STRING_PAIRS)),
                                new WitType.Field("body", new WitType.OptionType(BYTES)))),
                handle.result().orElseThrow());
    }

    @Test
    void redisInterfaceHasAllNineFunctions() {
        Interface redis = wit.iface("fermyon:spin/redis");
        WitType error = new WitType.EnumType("error", List.of("success", "error"));
        assertEquals(error, redis.types().get("error"));
        assertEquals(
                List.of(
                        "publish",
                        "get",
                        "set",
                        "incr",
                        "del",
                        "sadd",
                        "smembers",
                        "srem",
                        "execute"),
                redis.functions().stream().map(Function::name).collect(Collectors.toList()));
        Map<String, String> signatures = signatures(redis);
        assertEquals(
                "func(address: string, channel: string, payload: list<u8>) -> result<_, error>",
                signatures.get("publish"));
        assertEquals(
                "func(address: string, key: string) -> result<list<u8>, error>",
                signatures.get("get"));
        assertEquals(
                "func(address: string, keys: list<string>) -> result<s64, error>",
                signatures.get("del"));
        assertEquals(
                "func(address: string, key: string) -> result<list<string>, error>",
                signatures.get("smembers"));
        assertEquals(
                "func(address: string, command: string, arguments: list<redis-parameter>) "
                        + "-> result<list<redis-result>, error>",
                signatures.get("execute"));

        WitType.ResultType execute =
                (WitType.ResultType) redis.function("execute").orElseThrow().result().orElseThrow();
        assertEquals(
                new WitType.ListType(
                        new WitType.VariantType(
                                "redis-result",
                                List.of(
                                        new WitType.Case("nil", Optional.empty()),
                                        new WitType.Case("status", Optional.of(Primitive.STRING)),
                                        new WitType.Case("int64", Optional.of(Primitive.S64)),
                                        new WitType.Case("binary", Optional.of(BYTES))))),
                execute.ok().orElseThrow());
    }

    @Test
    void inboundRedisAndConfig() {
        assertEquals(
                Map.of("handle-message", "func(message: list<u8>) -> result<_, error>"),
                signatures(wit.iface("fermyon:spin/inbound-redis")));
        Interface config = wit.iface("fermyon:spin/config");
        assertEquals(
                Map.of("get-config", "func(key: string) -> result<string, error>"),
                signatures(config));
        assertEquals(
                new WitType.VariantType(
                        "error",
                        List.of(
                                new WitType.Case("provider", Optional.of(Primitive.STRING)),
                                new WitType.Case("invalid-key", Optional.of(Primitive.STRING)),
                                new WitType.Case("invalid-schema", Optional.of(Primitive.STRING)),
                                new WitType.Case("other", Optional.of(Primitive.STRING)))),
                config.types().get("error"));
    }

    @Test
    void componentAndRelayWorlds() {
        assertWorld("validation-component", List.of(), List.of("acme:validation/validation@0.1.0"));
        assertWorld("pricing-component", List.of(), List.of("acme:pricing/pricing@0.1.0"));
        assertWorld("inventory-component", List.of(), List.of("acme:inventory/inventory@0.1.0"));
        assertWorld(
                "hops-ingress",
                List.of("fermyon:spin/redis", "fermyon:spin/config"),
                List.of("fermyon:spin/inbound-http"));
        assertWorld(
                "validation-relay",
                List.of(
                        "acme:validation/validation@0.1.0",
                        "fermyon:spin/redis",
                        "fermyon:spin/config"),
                List.of("fermyon:spin/inbound-redis"));
        assertWorld(
                "pricing-relay",
                List.of("acme:pricing/pricing@0.1.0", "fermyon:spin/redis", "fermyon:spin/config"),
                List.of("fermyon:spin/inbound-redis"));
        assertWorld(
                "inventory-relay",
                List.of(
                        "acme:inventory/inventory@0.1.0",
                        "fermyon:spin/redis",
                        "fermyon:spin/config"),
                List.of("fermyon:spin/inbound-redis"));
        assertEquals(wit.world("orchestrator"), wit.world("acme:orders-app/orchestrator@0.1.0"));
    }

    @Test
    void worldItemsShareTheResolvedInterfaces() {
        World relay = wit.world("validation-relay");
        assertEquals(wit.iface("fermyon:spin/inbound-redis"), iface(relay.exports().get(0)));
        assertTrue(
                relay.imports()
                        .contains(
                                new World.WorldItem.InterfaceItem(
                                        wit.iface("fermyon:spin/redis"))));
    }

    private static void assertWorld(String name, List<String> imports, List<String> exports) {
        World world = wit.world(name);
        assertEquals(APP, world.pkg());
        assertEquals(imports, names(world.imports()), name + " imports");
        assertEquals(exports, names(world.exports()), name + " exports");
    }

    static List<String> names(List<World.WorldItem> items) {
        return items.stream()
                .map(
                        item ->
                                item instanceof World.WorldItem.InterfaceItem i
                                        ? i.iface().qualifiedName()
                                        : ((World.WorldItem.FunctionItem) item).function().name())
                .collect(Collectors.toList());
    }

    static Interface iface(World.WorldItem item) {
        return ((World.WorldItem.InterfaceItem) item).iface();
    }

    static Map<String, String> signatures(Interface iface) {
        return iface.functions().stream().collect(Collectors.toMap(Function::name, WitText::of));
    }
}
