package dev.spinmixed.tests.spinapp;

import static dev.spinmixed.tests.spinapp.ManifestReaderTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinmixed.spinapp.compose.CompositionException;
import dev.spinmixed.spinapp.compose.DependencyComposer;
import dev.spinmixed.spinapp.compose.DependencyLink;
import dev.spinmixed.spinapp.manifest.ComponentDependency;
import dev.spinmixed.spinapp.manifest.DependencyName;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.wit.ComponentType;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spin's composition rules, one test per rule, on components described by WIT worlds (spin v3.6.3
 * {@code crates/compose/src/lib.rs}; wac-graph v0.8.1 {@code register_package}; wac-types v0.8.1
 * {@code SubtypeChecker}).
 */
class DependencyComposerTest {

    @TempDir static Path dir;
    static WitResolve wit;

    @BeforeAll
    static void contracts() throws IOException {
        write(
                "deps/shapes/types.wit",
                """
                package test:shapes@0.1.0;
                interface types {
                    record point { x: s32, y: s32 }
                }
                """);
        write(
                "deps/geo/geo.wit",
                """
                package test:geo@0.1.0;
                interface area {
                    use test:shapes/types@0.1.0.{point};
                    area: func(p: point) -> u32;
                }
                interface perimeter {
                    use test:shapes/types@0.1.0.{point};
                    perimeter: func(p: point) -> u32;
                }
                """);
        write(
                "deps/alt/alt.wit",
                """
                package test:alt@0.1.0;
                interface area {
                    use test:shapes/types@0.1.0.{point};
                    area: func(p: point) -> u32;
                    extra: func() -> bool;
                }
                interface renamed-param {
                    use test:shapes/types@0.1.0.{point};
                    area: func(q: point) -> u32;
                }
                interface other-record {
                    record point { x: s32, z: s32 }
                    area: func(p: point) -> u32;
                }
                """);
        write(
                "deps/spin/variables.wit",
                """
                package fermyon:spin@2.0.0;
                interface variables {
                    get: func(name: string) -> string;
                }
                """);
        write(
                "worlds.wit",
                """
                package test:app@0.1.0;
                world app {
                    import test:geo/area@0.1.0;
                    import test:geo/perimeter@0.1.0;
                    export run: func() -> u32;
                }
                world area-provider {
                    export test:geo/area@0.1.0;
                }
                world perimeter-provider {
                    export test:geo/perimeter@0.1.0;
                }
                world both-provider {
                    export test:geo/area@0.1.0;
                    export test:geo/perimeter@0.1.0;
                }
                world alt-provider {
                    export test:alt/area@0.1.0;
                    export test:alt/renamed-param@0.1.0;
                    export test:alt/other-record@0.1.0;
                }
                world configured-provider {
                    import fermyon:spin/variables@2.0.0;
                    export test:geo/area@0.1.0;
                }
                """);
        wit = WitLoader.loadDirectory(dir);
    }

    static void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static ComponentType type(String world) {
        return ComponentType.of(wit.world(world), wit);
    }

    /** Component `app` with the given dependencies table, each naming a provider world. */
    static List<DependencyLink> compose(String dependencies, Map<String, String> worlds) {
        return compose(dependencies, worlds, false);
    }

    static List<DependencyLink> compose(
            String dependencies, Map<String, String> worlds, boolean inherit) {
        String toml =
                """
                spin_manifest_version = 2
                [application]
                name = "t"
                [[trigger.http]]
                route = "/"
                component = "app"
                [component.app]
                source = "app.wasm"
                dependencies_inherit_configuration = %s
                [component.app.dependencies]
                %s
                """
                        .formatted(inherit, dependencies);
        ManifestComponent app = ManifestReader.parse(toml, Path.of("spin.toml")).component("app");
        return compose(app, worlds);
    }

    static List<DependencyLink> compose(ManifestComponent app, Map<String, String> worlds) {
        Map<DependencyName, DependencyComposer.Dependency> deps = new LinkedHashMap<>();
        app.dependencies()
                .forEach(
                        (name, d) -> {
                            String path = ((ComponentDependency.LocalPath) d).path();
                            deps.put(
                                    name,
                                    new DependencyComposer.Dependency(
                                            "path " + path, type(worlds.get(path))));
                        });
        return DependencyComposer.compose(app, type("app"), deps);
    }

    static String refusal(String dependencies, Map<String, String> worlds) {
        return assertThrows(CompositionException.class, () -> compose(dependencies, worlds))
                .getMessage();
    }

    @Test
    void eachImportIsServedByTheDependencyThatMatchesIt() {
        List<DependencyLink> links =
                compose(
                        """
                        "test:geo" = { path = "both.wasm" }
                        """,
                        Map.of("both.wasm", "both-provider"));
        assertEquals(
                List.of("test:geo/area@0.1.0", "test:geo/perimeter@0.1.0"),
                links.stream().map(DependencyLink::importName).toList());
        assertEquals("test:geo/area@0.1.0", links.get(0).exportName());
    }

    /** The rule the orchestrated wiring broke: one registration per package name. */
    @Test
    void twoDependenciesFromOnePackageAreRefused() {
        assertContains(
                refusal(
                        """
                        "test:geo/area@0.1.0" = { path = "area.wasm" }
                        "test:geo/perimeter@0.1.0" = { path = "perimeter.wasm" }
                        """,
                        Map.of(
                                "area.wasm",
                                "area-provider",
                                "perimeter.wasm",
                                "perimeter-provider")),
                "failed to resolve dependencies for component \"app\"",
                "an error occurred when preparing dependencies",
                "package `test:geo` has already been registered in the graph",
                "'test:geo/area@0.1.0' and 'test:geo/perimeter@0.1.0'",
                "at most one dependency per WIT package");
    }

    @Test
    void aNameThatMatchesNoImportIsRefused() {
        assertContains(
                refusal(
                        """
                        "test:geo/volume@0.1.0" = { path = "area.wasm" }
                        """,
                        Map.of("area.wasm", "area-provider")),
                "dependency 'test:geo/volume@0.1.0' doesn't match any imports of component 'app'");
        assertContains(
                refusal(
                        """
                        "test:geo/area@0.2.0" = { path = "area.wasm" }
                        """,
                        Map.of("area.wasm", "area-provider")),
                "dependency 'test:geo/area@0.2.0' doesn't match any imports");
    }

    @Test
    void aNameWithoutVersionMatchesAnyVersion() {
        assertEquals(
                1,
                compose(
                                """
                                "test:geo/area" = { path = "area.wasm" }
                                """,
                                Map.of("area.wasm", "area-provider"))
                        .stream()
                        .filter(l -> l.importName().equals("test:geo/area@0.1.0"))
                        .count());
    }

    /** A package-wide name also matches the type-only import the world's `use` adds. */
    @Test
    void aDependencyMustExportEveryImportItMatches() {
        assertContains(
                refusal(
                        """
                        "test:shapes" = { path = "both.wasm" }
                        """,
                        Map.of("both.wasm", "both-provider")),
                "dependency 'test:shapes' doesn't export 'test:shapes/types@0.1.0' to satisfy"
                        + " import 'test:shapes/types@0.1.0'");
    }

    @Test
    void twoNamesOfOnePackageCollideBeforeTheyCouldConflict() {
        // Names that could match one import twice (Spin's DependencyConflicts) are of one package,
        // so the manifest's disjointness check refuses them first, and the graph's one registration
        // per package after it.
        ManifestComponent app =
                new ManifestComponent(
                        "app",
                        new dev.spinmixed.spinapp.manifest.ComponentSource.LocalFile("app.wasm"),
                        "",
                        Map.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        false,
                        Map.of(
                                DependencyNameTest.name("test:geo/area"),
                                new ComponentDependency.LocalPath("area.wasm", Optional.empty()),
                                DependencyNameTest.name("test:geo@0.1.0"),
                                new ComponentDependency.LocalPath("both.wasm", Optional.empty())));
        String message =
                assertThrows(
                                CompositionException.class,
                                () ->
                                        compose(
                                                app,
                                                Map.of(
                                                        "area.wasm",
                                                        "area-provider",
                                                        "both.wasm",
                                                        "both-provider")))
                        .getMessage();
        assertContains(message, "package `test:geo` has already been registered");
    }

    @Test
    void anExportNameServesAnImportOfAnotherName() {
        List<DependencyLink> links =
                compose(
                        """
                        "test:geo/area@0.1.0" = { path = "alt.wasm", export = "test:alt/area@0.1.0" }
                        """,
                        Map.of("alt.wasm", "alt-provider"));
        assertEquals("test:alt/area@0.1.0", links.get(0).exportName());
    }

    @Test
    void aMissingExportNamedByExportIsRefused() {
        assertContains(
                refusal(
                        """
                        "test:geo/area@0.1.0" = { path = "alt.wasm", export = "test:alt/volume@0.1.0" }
                        """,
                        Map.of("alt.wasm", "alt-provider")),
                "dependency 'test:geo/area@0.1.0' doesn't export 'test:alt/volume@0.1.0' to"
                        + " satisfy import 'test:geo/area@0.1.0'");
    }

    @Test
    void anExportOfAnotherTypeIsRefusedWithWacsReason() {
        assertContains(
                refusal(
                        """
                        "test:geo/area@0.1.0" = { path = "alt.wasm", export = "test:alt/renamed-param@0.1.0" }
                        """,
                        Map.of("alt.wasm", "alt-provider")),
                "dependency 'test:geo/area@0.1.0' exports 'test:alt/renamed-param@0.1.0' which is"
                        + " not compatible with import 'test:geo/area@0.1.0'",
                "mismatched type for export `area`: expected function parameter 0 to be named `p`,"
                        + " found name `q`");
        assertContains(
                refusal(
                        """
                        "test:geo/area@0.1.0" = { path = "alt.wasm", export = "test:alt/other-record@0.1.0" }
                        """,
                        Map.of("alt.wasm", "alt-provider")),
                "mismatched type for export `point`: expected record field 1 to be named `y`,"
                        + " found a field named `z`");
    }

    @Test
    void anExportMayOfferMoreThanTheImportNeeds() {
        compose(
                """
                "test:geo/area@0.1.0" = { path = "alt.wasm", export = "test:alt/area@0.1.0" }
                """,
                Map.of("alt.wasm", "alt-provider"));
    }

    /** spin v3.6.3 {@code apply_deny_all_adapter}: exact names only. */
    @Test
    void withoutInheritanceTheDenyAllAdapterTakesTheImportsItExportsByName() {
        String deps =
                """
                "test:geo/area@0.1.0" = { path = "configured.wasm" }
                """;
        Map<String, String> worlds = Map.of("configured.wasm", "configured-provider");
        assertEquals(
                List.of("fermyon:spin/variables@2.0.0"),
                compose(deps, worlds, false).get(0).deniedImports());
        assertEquals(List.of(), compose(deps, worlds, true).get(0).deniedImports());
    }
}
