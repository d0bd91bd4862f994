package dev.spinmixed.tests.spinapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.spinapp.manifest.DependencyName;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependency names as Spin parses and matches them: the cases of spin v3.6.3 {@code
 * crates/compose/src/lib.rs} {@code test_matches_import}, and the parse rules of {@code
 * crates/serde/src/dependencies.rs}.
 */
class DependencyNameTest {

    /** A name read the way the manifest reader reads a dependency key. */
    static DependencyName name(String text) {
        String toml =
                """
                spin_manifest_version = 2
                [application]
                name = "n"
                [[trigger.http]]
                route = "/"
                component = "a"
                [component.a]
                source = "a.wasm"
                [component.a.dependencies]
                "%s" = { path = "d.wasm" }
                """
                        .formatted(text);
        return ManifestReader.parse(toml, Path.of("spin.toml"))
                .component("a")
                .dependencies()
                .keySet()
                .iterator()
                .next();
    }

    @ParameterizedTest
    @CsvSource({
        "foo:bar/baz@0.1.0, foo:bar/baz@0.1.0",
        "foo:bar/baz, foo:bar/baz@0.1.0",
        "foo:bar/baz, foo:bar/baz",
        "foo:bar, foo:bar/baz@0.1.0",
        "foo:bar, foo:bar/baz",
        "foo:bar@0.1.0, foo:bar/baz@0.1.0",
        "foo-bar, foo-bar",
    })
    void matchesAsSpinsOwnTestSays(String dependency, String importName) {
        assertTrue(name(dependency).matchesImport(importName));
    }

    @ParameterizedTest
    @CsvSource({
        "foo:bar/baz@0.1.0, foo:bar/baz",
        "foo:bar/baz, foo:bar/bub",
        "foo:bar/baz, foo:bar/bub@0.1.0",
        "foo:bar, foo:bub/bib",
        "foo:bar@0.1.0, foo:bar/baz",
        "foo:bar/baz, foo:bar/baz-bub",
        "foo:bar/baz, foo-bar",
    })
    void doesNotMatchAsSpinsOwnTestSays(String dependency, String importName) {
        assertFalse(name(dependency).matchesImport(importName));
    }

    @Test
    void registersUnderThePackageNameWithoutInterfaceOrVersion() {
        assertEquals("acme:orders", name("acme:orders/pricing@0.1.0").registrationKey());
        assertEquals("acme:orders", name("acme:orders/validation").registrationKey());
        assertEquals("acme:orders", name("acme:orders@0.1.0").registrationKey());
        assertEquals("plain-name", name("plain-name").registrationKey());
    }

    @Test
    void printsAsWritten() {
        for (String text :
                List.of(
                        "foo:bar",
                        "foo:bar/baz",
                        "foo:bar@0.1.0",
                        "foo:bar/baz@1.2.3-rc.1",
                        "x-y")) {
            assertEquals(text, name(text).toString());
        }
    }

    @Test
    void ordersAsSpinsBTreeMapDoes() {
        List<String> written =
                List.of(
                        "b:x/z@0.2.0",
                        "b:x/z@0.10.0",
                        "a:y",
                        "zed",
                        "b:x",
                        "b:x/z",
                        "alpha",
                        "b:x/a@1.0.0-rc.1",
                        "b:x/a@1.0.0");
        TreeSet<DependencyName> sorted = new TreeSet<>();
        written.forEach(w -> sorted.add(name(w)));
        List<String> order = new ArrayList<>();
        sorted.forEach(n -> order.add(n.toString()));
        assertEquals(
                List.of(
                        "alpha",
                        "zed",
                        "a:y",
                        "b:x",
                        "b:x/a@1.0.0-rc.1",
                        "b:x/a@1.0.0",
                        "b:x/z",
                        "b:x/z@0.2.0",
                        "b:x/z@0.10.0"),
                order);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "|",
            value = {
                "Foo:bar | dash-separated words must begin with an ASCII lowercase letter",
                "foo:bar/Baz_x | words must be separated with '-', not '_'",
                "foo:bar@0.1 | invalid version",
                "foo/bar | missing expected ':'",
                "foo:b_ar | dash-separated words may contain only lowercase alphanumeric ASCII",
                "1foo | '-'-separated words must start with an ASCII letter",
            })
    void badNamesAreRefusedWithSpinsReason(String text, String reason) {
        var e =
                assertThrows(
                        dev.spinmixed.spinapp.manifest.ManifestException.class, () -> name(text));
        assertTrue(
                e.getMessage().contains("component.a.dependencies.\"" + text + "\"")
                        && e.getMessage().contains("invalid dependency name")
                        && e.getMessage().contains(reason),
                e.getMessage());
    }
}
