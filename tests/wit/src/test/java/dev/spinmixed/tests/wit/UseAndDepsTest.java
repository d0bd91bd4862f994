package dev.spinmixed.tests.wit;

import static dev.spinmixed.tests.wit.WitDir.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.PackageName;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code use} (in interfaces and at top level), packages split over files, deps/ and versions. */
class UseAndDepsTest {

    @TempDir Path dir;

    @Test
    void useWithRenamingInsideAPackage() {
        WitResolve wit =
                WitLoader.parse(
                        """
                        package test:app;
                        interface api {
                            use types.{id, item as thing};
                            get: func(id: id) -> thing;
                        }
                        interface types {
                            type id = u64;
                            record item { id: id, name: string }
                        }
                        """,
                        "app.wit");
        Interface api = wit.iface("test:app/api");
        assertEquals("func(id: u64) -> item", WitText.of(api.function("get").orElseThrow()));
        assertEquals(Set.of("id", "thing"), api.types().keySet());
        assertEquals(wit.iface("test:app/types").types().get("item"), api.types().get("thing"));
        assertEquals(List.of(), api.definedTypes(), "api only uses its types");
        assertEquals(List.of("id", "item"), wit.iface("test:app/types").definedTypes());
    }

    @Test
    void aUsedNameCanBeUsedAgainFromAnotherInterface() {
        WitResolve wit =
                WitLoader.parse(
                        """
                        package test:app;
                        interface a { type n = u16; }
                        interface b { use a.{n as m}; }
                        interface c { use b.{m}; f: func() -> m; }
                        """,
                        "app.wit");
        assertEquals(
                "func() -> u16", WitText.of(wit.iface("test:app/c").function("f").orElseThrow()));
    }

    @Test
    void filesOfADirectoryFormOnePackage() {
        write(
                dir,
                "a.wit",
                "package test:split@1.0.0;\n"
                        + "interface api { use types.{id}; get: func() -> id; }\n");
        write(dir, "b.wit", "interface types { type id = string; }\nworld w { export api; }\n");
        write(dir, "c.wit", "package test:split@1.0.0;\n");
        WitResolve wit = WitLoader.loadDirectory(dir);
        assertEquals(
                new PackageName("test", "split", Optional.of("1.0.0")), wit.mainPackage().name());
        assertEquals(Set.of("api", "types"), wit.mainPackage().interfaces().keySet());
        assertEquals(
                "func() -> string",
                WitText.of(wit.iface("test:split/api@1.0.0").function("get").orElseThrow()));
        assertEquals("api", AppContractsTest.iface(wit.world("w").exports().get(0)).name());
    }

    @Test
    void dependencyFoldersAndFilesAreLoadedAndCanReferToEachOther() {
        write(
                dir,
                "main.wit",
                """
                package test:app;
                interface api {
                    use wasi:clocks/time@0.2.0.{instant};
                    use test:util/strings.{text};
                    stamp: func(t: text) -> instant;
                }
                """);
        write(
                dir,
                "deps/clocks/time.wit",
                "package wasi:clocks@0.2.0;\ninterface time { use wasi:base/units.{nanos}; "
                        + "record instant { seconds: u64, nanos: nanos } }\n");
        write(dir, "deps/clocks/notes.txt", "not WIT, ignored");
        write(dir, "deps/base.wit", "package wasi:base;\ninterface units { type nanos = u32; }\n");
        write(
                dir,
                "deps/util/strings.wit",
                "package test:util;\ninterface strings { type text = string; }\n");
        WitResolve wit = WitLoader.loadDirectory(dir);
        assertEquals(4, wit.packages().size());
        assertEquals(
                new WitType.RecordType(
                        "instant",
                        List.of(
                                new WitType.Field("seconds", Primitive.U64),
                                new WitType.Field("nanos", Primitive.U32))),
                wit.iface("test:app/api").function("stamp").orElseThrow().result().orElseThrow());
        assertEquals(
                Primitive.STRING,
                wit.iface("test:app/api").function("stamp").orElseThrow().params().get(0).type());
        assertEquals("wasi:clocks/time@0.2.0", wit.iface("wasi:clocks/time@0.2.0").qualifiedName());
    }

    @Test
    void twoVersionsOfOnePackageLiveSideBySide() {
        write(
                dir,
                "main.wit",
                """
                package test:app;
                world w {
                    import test:kv/store@1.0.0;
                    import test:kv/store@2.0.0-rc.1;
                }
                """);
        write(
                dir,
                "deps/kv-1/store.wit",
                "package test:kv@1.0.0;\ninterface store { get: func(k: string) -> string; }\n");
        write(
                dir,
                "deps/kv-2/store.wit",
                "package test:kv@2.0.0-rc.1;\n"
                        + "interface store { get: func(k: string) -> option<string>; }\n");
        WitResolve wit = WitLoader.loadDirectory(dir);
        assertEquals(
                List.of("test:kv/store@1.0.0", "test:kv/store@2.0.0-rc.1"),
                AppContractsTest.names(wit.world("w").imports()));
        assertEquals(
                "func(k: string) -> option<string>",
                WitText.of(wit.iface("test:kv/store@2.0.0-rc.1").function("get").orElseThrow()));
    }

    @Test
    void versionsWithPrereleaseAndBuildMetadata() {
        for (String version :
                List.of("0.2.0-rc-2023-11-10", "1.0.0+build.5", "1.0.0-alpha.1+001", "10.20.30")) {
            WitResolve wit =
                    WitLoader.parse(
                            "package test:v@"
                                    + version
                                    + ";\ninterface i { use test:v/i@"
                                    + version
                                    + ".{t as u}; type t = u8; }\n",
                            "v.wit");
            assertEquals(Optional.of(version), wit.mainPackage().name().version());
            assertEquals(Primitive.U8, wit.iface("test:v/i@" + version).types().get("u"));
        }
    }

    @Test
    void topLevelUseNamesAnInterfaceForTheWholeFile() {
        write(
                dir,
                "main.wit",
                """
                package test:app;
                use wasi:http/types@1.0.0;
                use wasi:http/handler@1.0.0 as http-handler;
                use local-types as lt;
                interface api {
                    use types.{request};
                    use lt.{code};
                    handle: func(r: request) -> code;
                }
                interface local-types { type code = u16; }
                world w {
                    import types;
                    export http-handler;
                }
                """);
        write(
                dir,
                "deps/http/http.wit",
                """
                package wasi:http@1.0.0;
                interface types { record request { path: string } }
                interface handler { use types.{request}; handle: func(r: request); }
                """);
        WitResolve wit = WitLoader.loadDirectory(dir);
        assertEquals(
                "func(r: request) -> u16",
                WitText.of(wit.iface("test:app/api").function("handle").orElseThrow()));
        assertEquals(
                List.of("wasi:http/types@1.0.0"), AppContractsTest.names(wit.world("w").imports()));
        assertEquals(
                List.of("wasi:http/handler@1.0.0"),
                AppContractsTest.names(wit.world("w").exports()));
    }

    @Test
    void includeAWorldOfADependency() {
        write(
                dir,
                "main.wit",
                """
                package test:app;
                world app {
                    include wasi:cli/reactor@0.2.0;
                    export run: func();
                }
                """);
        write(
                dir,
                "deps/cli/cli.wit",
                """
                package wasi:cli@0.2.0;
                interface environment { get-arguments: func() -> list<string>; }
                world reactor { import environment; }
                """);
        WitResolve wit = WitLoader.loadDirectory(dir);
        assertEquals(
                List.of("wasi:cli/environment@0.2.0"),
                AppContractsTest.names(wit.world("app").imports()));
        assertEquals(List.of("run"), AppContractsTest.names(wit.world("app").exports()));
        assertEquals(
                new PackageName("wasi", "cli", Optional.of("0.2.0")),
                wit.world("wasi:cli/reactor@0.2.0").pkg());
    }

    @Test
    void theMainPackageCanBeNamedByItsQualifiedName() {
        WitResolve wit =
                WitLoader.parse(
                        "package test:self@0.1.0;\ninterface a { type t = s8; }\n"
                                + "interface b { use test:self/a@0.1.0.{t}; }\n",
                        "self.wit");
        assertEquals(Primitive.S8, wit.iface("test:self/b@0.1.0").types().get("t"));
    }
}
