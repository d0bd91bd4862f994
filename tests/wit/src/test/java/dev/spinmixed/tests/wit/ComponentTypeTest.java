package dev.spinmixed.tests.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.wit.ComponentType;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worlds elaborated as wit-parser does it: interfaces used for their types are imported too. */
class ComponentTypeTest {

    @Test
    void theOrchestratorImportsTheTypesItsStepsUseAheadOfThem() {
        WitResolve wit = WitLoader.loadDirectory(Path.of("../../apps/wit"));
        ComponentType type = ComponentType.of(wit.world("orchestrator"), wit);
        assertEquals(
                List.of(
                        "acme:orders/types@0.1.0",
                        "acme:validation/validation@0.1.0",
                        "acme:pricing/pricing@0.1.0",
                        "acme:inventory/inventory@0.1.0",
                        "fermyon:spin/redis-types",
                        "fermyon:spin/redis",
                        "fermyon:spin/config",
                        "fermyon:spin/http-types"),
                List.copyOf(type.imports().keySet()));
        assertEquals(List.of("fermyon:spin/inbound-http"), List.copyOf(type.exports().keySet()));
    }

    @Test
    void anExportedInterfaceUsingAnotherExportedOneImportsNeither() {
        WitResolve wit =
                WitLoader.parse(
                        """
                        package t:x@1.0.0;
                        interface shared { record r { a: u8 } }
                        interface api { use shared.{r}; f: func(x: r); }
                        interface lib { use shared.{r}; g: func() -> r; }
                        world both { export shared; export api; }
                        world one { export api; import lib; }
                        """,
                        "x.wit");
        ComponentType both = ComponentType.of(wit.world("both"), wit);
        assertEquals(List.of(), List.copyOf(both.imports().keySet()));
        assertEquals(
                List.of("t:x/shared@1.0.0", "t:x/api@1.0.0"), List.copyOf(both.exports().keySet()));
        ComponentType one = ComponentType.of(wit.world("one"), wit);
        assertEquals(
                List.of("t:x/shared@1.0.0", "t:x/lib@1.0.0"), List.copyOf(one.imports().keySet()));
    }
}
