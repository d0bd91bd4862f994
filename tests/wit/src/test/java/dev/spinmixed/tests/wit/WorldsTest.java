package dev.spinmixed.tests.wit;

import static dev.spinmixed.tests.wit.AppContractsTest.iface;
import static dev.spinmixed.tests.wit.AppContractsTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.World;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Worlds: imports and exports of interfaces and functions, inline interfaces, include and
 * world-level types.
 */
class WorldsTest {

    private static WitResolve parse(String source) {
        return WitLoader.parse(source, "worlds.wit");
    }

    @Test
    void bareFunctionsAndWorldLevelTypes() {
        World world =
                parse(
                                """
                                package test:w;
                                interface types { record job { id: u32 } }
                                world runner {
                                    use types.{job};
                                    type count = u64;
                                    import log: func(msg: string);
                                    export run: func(jobs: list<job>) -> count;
                                }
                                """)
                        .world("runner");
        assertEquals(List.of("log"), names(world.imports()));
        World.WorldItem.FunctionItem run = (World.WorldItem.FunctionItem) world.exports().get(0);
        assertEquals("func(jobs: list<job>) -> u64", WitText.of(run.function()));
    }

    @Test
    void inlineInterfacesHaveNoPackage() {
        World world =
                parse(
                                """
                                package test:w;
                                interface shared { type id = string; }
                                world host {
                                    import store: interface {
                                        use shared.{id};
                                        enum kind { a, b }
                                        put: func(key: id, kind: kind);
                                    }
                                }
                                """)
                        .world("host");
        Interface store = iface(world.imports().get(0));
        assertEquals(Optional.empty(), store.pkg());
        assertEquals("store", store.qualifiedName());
        assertEquals(
                "func(key: string, kind: kind)", WitText.of(store.function("put").orElseThrow()));
        assertEquals(new WitType.EnumType("kind", List.of("a", "b")), store.types().get("kind"));
    }

    @Test
    void includeAddsImportsAndExportsAndKeepsSharedInterfacesOnce() {
        WitResolve wit =
                parse(
                        """
                        package test:w;
                        interface a {}
                        interface b {}
                        interface c {}
                        world one { import a; import b; export c; }
                        world two { import a; export c; import tick: func(); }
                        world both {
                            import b;
                            include one;
                            include test:w/two;
                        }
                        """);
        World both = wit.world("both");
        assertEquals(List.of("test:w/b", "test:w/a", "tick"), names(both.imports()));
        assertEquals(List.of("test:w/c"), names(both.exports()));
    }

    @Test
    void includeWithRenamesPlainNames() {
        World world =
                parse(
                                """
                                package test:w;
                                world base { import run: func(); export tools: interface { go: func(); } }
                                world combined {
                                    import run: func(x: u8);
                                    include base with { run as run-base, tools as base-tools };
                                }
                                """)
                        .world("combined");
        assertEquals(List.of("run", "run-base"), names(world.imports()));
        assertEquals(
                "func()",
                WitText.of(((World.WorldItem.FunctionItem) world.imports().get(1)).function()));
        assertEquals(List.of("base-tools"), names(world.exports()));
    }

    @Test
    void includesAreTransitiveAndMayComeFromDependencyPackagesDeclaredLater() {
        WitResolve wit =
                parse(
                        """
                        package test:w;
                        world top { include middle; export x: func(); }
                        world middle { include bottom; import y: func(); }
                        world bottom { import z: func(); }
                        """);
        assertEquals(List.of("z", "y"), names(wit.world("top").imports()));
        assertEquals(List.of("x"), names(wit.world("top").exports()));
    }

    @Test
    void aFunctionMayBeImportedAndExportedUnderTheSameName() {
        World world =
                parse("package test:w;\nworld echo { import f: func(); export f: func(); }\n")
                        .world("echo");
        assertEquals(List.of("f"), names(world.imports()));
        assertEquals(List.of("f"), names(world.exports()));
    }
}
