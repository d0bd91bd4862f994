package dev.spinmixed.tests.wit;

import static dev.spinmixed.tests.wit.WitDir.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinmixed.wit.SourcePosition;
import dev.spinmixed.wit.WitException;
import dev.spinmixed.wit.WitLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad WIT: each error names file:line:column and what was expected or what is wrong. */
class ErrorsTest {

    @TempDir Path dir;

    /** Parses {@code package t:e;} followed by the given lines and returns the error message. */
    private static String error(String body) {
        WitException e =
                assertThrows(
                        WitException.class,
                        () -> WitLoader.parse("package t:e;\n" + body, "e.wit"));
        return e.getMessage();
    }

    private String directoryError() {
        return assertThrows(WitException.class, () -> WitLoader.loadDirectory(dir)).getMessage();
    }

    // ---- syntax

    @Test
    void unexpectedTokenSaysWhatWasExpected() {
        assertEquals(
                "e.wit:3:19: expected `;`, found keyword `u32`",
                error("interface i {\n  f: func(x: u32) u32;\n}\n"));
        assertEquals(
                "e.wit:4:1: expected `;`, found `}`", error("interface i {\n  type x = u8\n}\n"));
        assertEquals(
                "e.wit:3:18: expected a type, found `>`",
                error("interface i {\n  type x = tuple<>;\n}\n"));
        assertEquals(
                "e.wit:2:1: expected `interface`, `world` or `use`, found identifier `%record`",
                error("%record r { x: u8 }\n"));
        assertEquals(
                "e.wit:3:3: expected `import`, `export`, `include`, `use`, a type definition or"
                        + " `}`, found identifier `f`",
                error("world w {\n  f: func();\n}\n"));
    }

    @Test
    void unexpectedEndOfFile() {
        assertEquals(
                "e.wit:4:1: expected a type definition, a function (`name: func(...)`), `use` or"
                        + " `}`, found end of file",
                error("interface i {\n  type x = u8;\n"));
    }

    @Test
    void unterminatedBlockCommentPointsAtItsStart() {
        assertEquals(
                "e.wit:3:3: unterminated block comment: expected `*/` before end of file",
                error("interface i {\n  /* never closed /* nested */\n}\n"));
    }

    @Test
    void unexpectedCharacter() {
        assertEquals(
                "e.wit:3:12: unexpected character `$`", error("interface i {\n  type x = $;\n}\n"));
        assertEquals("e.wit:2:3: unexpected character U+0007", error("  \u0007"));
    }

    @Test
    void identifiersMustBeKebabCaseAndNotKeywords() {
        assertEquals(
                "e.wit:3:12: identifier `fooBar` is not kebab-case: expected words of letters and"
                    + " digits, each starting with a letter and all lower or all upper case, joined"
                    + " by `-`",
                error("interface i {\n  type a = fooBar;\n}\n"));
        assertEquals(
                "e.wit:3:8: identifier `x-1y` is not kebab-case: expected words of letters and"
                    + " digits, each starting with a letter and all lower or all upper case, joined"
                    + " by `-`",
                error("interface i {\n  type x-1y = u8;\n}\n"));
        assertEquals(
                "e.wit:3:10: expected a type name (escape a keyword used as a name with `%`), "
                        + "found keyword `type`",
                error("interface i {\n  record type { x: u8 }\n}\n"));
    }

    @Test
    void emptyDefinitions() {
        assertEquals(
                "e.wit:3:3: record `r` must have at least one field",
                error("interface i {\n  record r {}\n}\n"));
        assertEquals(
                "e.wit:3:3: variant `v` must have at least one case",
                error("interface i {\n  variant v {}\n}\n"));
        assertEquals(
                "e.wit:3:3: flags `f` must have at least one flag",
                error("interface i {\n  flags f {}\n}\n"));
        assertEquals(
                "e.wit:3:7: `use j.{}` names no type: expected at least one name",
                error("interface i {\n  use j.{};\n}\ninterface j {}\n"));
    }

    @Test
    void tooManyFlags() {
        StringBuilder flags = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            flags.append("  x").append(i).append(",\n");
        }
        assertEquals(
                "e.wit:35:3: flags `f` has 33 flags: at most 32 are allowed",
                error("interface i { flags f {\n" + flags + "} }\n"));
    }

    @Test
    void badVersionAndBadGate() {
        assertEquals(
                "e.wit:1:13: expected a semantic version such as `1.2.0`, found version `1.0`",
                assertThrows(
                                WitException.class,
                                () -> WitLoader.parse("package t:e@1.0;\n", "e.wit"))
                        .getMessage());
        assertEquals(
                "e.wit:2:2: expected `since`, `unstable` or `deprecated` after `@`, found"
                        + " identifier `foo`",
                error("@foo(x = y)\ninterface i {}\n"));
    }

    // ---- out of scope for this host

    @Test
    void resourcesAreRejectedWhereTheyAppear() {
        String why =
                "resources are not supported by this host (only value types can cross its canonical"
                        + " ABI)";
        assertEquals(
                "e.wit:3:3: resource `blob`: " + why,
                error("interface i {\n  resource blob;\n}\n"));
        assertEquals(
                "e.wit:3:3: resource `blob`: " + why,
                error("interface i {\n  resource blob {\n    constructor();\n  }\n}\n"));
        assertEquals(
                "e.wit:3:14: `borrow<...>` handles: " + why,
                error("interface i {\n  f: func(b: borrow<blob>);\n}\n"));
        assertEquals(
                "e.wit:3:16: `own<...>` handles: " + why,
                error("interface i {\n  f: func() -> own<blob>;\n}\n"));
        assertEquals("e.wit:3:3: resource `r`: " + why, error("world w {\n  resource r;\n}\n"));
    }

    @Test
    void asyncFeaturesAndMapsAreRejected() {
        assertEquals(
                "e.wit:3:16: `future` is not supported by this host (async types, like resources,"
                        + " are out of scope)",
                error("interface i {\n  f: func() -> future<u8>;\n}\n"));
        assertEquals(
                "e.wit:3:16: `stream` is not supported by this host (async types, like resources,"
                        + " are out of scope)",
                error("interface i {\n  f: func() -> stream<u8>;\n}\n"));
        assertEquals(
                "e.wit:3:6: async functions are not supported by this host (synchronous canonical"
                        + " ABI only)",
                error("interface i {\n  f: async func();\n}\n"));
        assertEquals(
                "e.wit:3:12: `map` is not supported by this host: use `list<tuple<K, V>>`",
                error("interface i {\n  type m = map<string, u8>;\n}\n"));
        assertEquals(
                "e.wit:3:19: fixed-length lists are not supported: expected `>`, found `,`",
                error("interface i {\n  type m = list<u8, 4>;\n}\n"));
    }

    @Test
    void nestedPackagesAreRejected() {
        assertEquals(
                "e.wit:1:13: nested package definitions (`package ... { }`) are not supported: "
                        + "put each dependency package in its own folder under deps/",
                assertThrows(
                                WitException.class,
                                () -> WitLoader.parse("package t:f {\n}\n", "e.wit"))
                        .getMessage());
    }

    // ---- names

    @Test
    void unknownTypeInterfacePackageAndWorld() {
        assertEquals(
                "e.wit:3:14: unknown type `nope` in interface t:e/i",
                error("interface i {\n  f: func(x: nope);\n}\n"));
        assertEquals(
                "e.wit:3:10: unknown type `x` in interface t:e/j",
                error("interface i {\n  use j.{x};\n}\ninterface j {}\n"));
        assertEquals(
                "e.wit:3:7: unknown interface `nowhere` in package t:e (interfaces: i)",
                error("interface i {\n  use nowhere.{x};\n}\n"));
        assertEquals(
                "e.wit:3:7: unknown package `other:pkg` (known packages: t:e)",
                error("interface i {\n  use other:pkg/j.{x};\n}\n"));
        assertEquals(
                "e.wit:4:10: package t:e has no interface `j` (interfaces: i)",
                error("interface i {}\nworld w {\n  import t:e/j;\n}\n"));
        assertEquals(
                "e.wit:2:19: unknown world `nope` in package t:e (worlds: w)",
                error("world w { include nope; }\n"));
        assertEquals("e.wit:3:13: expected `/`, found `;`", error("world w {\n  import a:b;\n}\n"));
        assertEquals(
                "e.wit:3:10: named imports and exports of an interface (`name: ns:pkg/iface`) are"
                        + " not supported: import or export the interface by its own name",
                error("world w {\n  export h: wasi:http/handler;\n}\n"));
    }

    @Test
    void duplicates() {
        assertEquals(
                "e.wit:4:3: `a` is already defined in interface t:e/i at e.wit:3:3",
                error("interface i {\n  type a = u8;\n  record a { x: u8 }\n}\n"));
        assertEquals(
                "e.wit:4:10: `a` is already defined in interface t:e/i at e.wit:3:3",
                error(
                        "interface i {\n"
                                + "  type a = u8;\n"
                                + "  use j.{b as a};\n"
                                + "}\n"
                                + "interface j { type b = u8; }\n"));
        assertEquals(
                "e.wit:4:3: `f` is already defined in interface t:e/i at e.wit:3:3",
                error("interface i {\n  f: func();\n  f: func(x: u8);\n}\n"));
        assertEquals(
                "e.wit:4:3: `f` is already defined in interface t:e/i at e.wit:3:3",
                error("interface i {\n  type f = u8;\n  f: func();\n}\n"));
        assertEquals(
                "e.wit:3:21: duplicate field `x` in record `r`",
                error("interface i {\n  record r { x: u8, x: u16 }\n}\n"));
        assertEquals(
                "e.wit:3:25: duplicate case `a` in variant `v`",
                error("interface i {\n  variant v { a, b(u8), a }\n}\n"));
        assertEquals(
                "e.wit:3:15: duplicate case `a` in enum `e`",
                error("interface i {\n  enum e { a, a }\n}\n"));
        assertEquals(
                "e.wit:3:16: duplicate flag `a` in flags `f`",
                error("interface i {\n  flags f { a, a }\n}\n"));
        assertEquals(
                "e.wit:3:18: duplicate parameter `x` in function `f`",
                error("interface i {\n  f: func(x: u8, x: u8);\n}\n"));
        assertEquals(
                "e.wit:3:1: `i` is already defined in package t:e at e.wit:2:1",
                error("interface i {}\nworld i {}\n"));
        assertEquals(
                "e.wit:5:10: duplicate import `t:e/i` in world t:e/w",
                error("interface i {}\nworld w {\n  import i;\n  import i;\n}\n"));
        assertEquals(
                "e.wit:4:10: duplicate export `run` in world t:e/w",
                error("world w {\n  export run: func();\n  export run: interface {}\n}\n"));
        assertEquals(
                "e.wit:2:1: `use` names `i`, which is already defined in package t:e at e.wit:3:1:"
                        + " rename it with `as`",
                error("use t:e/i;\ninterface i {}\n"));
        assertEquals(
                "e.wit:4:1: `j` is already brought in by the `use` at e.wit:3:1",
                error("interface i {}\nuse i as j;\nuse i as j;\n"));
    }

    @Test
    void includeConflictsAndBadRenames() {
        assertEquals(
                "e.wit:5:11: included world `b` has import `f`, which world t:e/w already has: "
                        + "rename it with `include b with { f as other-name }`",
                error(
                        "world b { import f: func(); }\n"
                                + "world w {\n"
                                + "  import f: func();\n"
                                + "  include b;\n"
                                + "}\n"));
        assertEquals(
                "e.wit:4:20: world `b` has no function or inline interface named `g` to rename",
                error(
                        "world b { import f: func(); }\n"
                                + "world w {\n"
                                + "  include b with { g as h };\n"
                                + "}\n"));
    }

    @Test
    void cycles() {
        assertEquals(
                "e.wit:3:3: type `a` refers to itself: `a` -> `b` -> `a`",
                error("interface i {\n  type a = b;\n  type b = list<a>;\n}\n"));
        assertEquals(
                "e.wit:3:3: type `node` refers to itself: `node` -> `node`",
                error("interface i {\n  record node { next: option<node> }\n}\n"));
        assertEquals(
                "e.wit:2:22: type `x` refers to itself: `i.x` -> `j.x` -> `i.x`",
                error("interface i { use j.{x}; }\ninterface j { use i.{x}; }\n"));
        assertEquals(
                "e.wit:3:19: world `a` includes itself: `a` -> `b` -> `a`",
                error("world a { include b; }\nworld b { include a; }\n"));
    }

    // ---- packages and files

    @Test
    void missingPackageDeclaration() {
        WitException e =
                assertThrows(
                        WitException.class, () -> WitLoader.parse("interface i {}\n", "lone.wit"));
        assertEquals(
                "lone.wit:1:1: missing package declaration: expected `package namespace:name;` "
                        + "(with an optional `@version`)",
                e.getMessage());
        assertEquals(Optional.of(new SourcePosition("lone.wit", 1, 1)), e.position());
    }

    @Test
    void packageDeclarationMustComeFirstAndOnce() {
        assertEquals(
                "e.wit:2:1: the `package` declaration must come first in the file, and only once",
                error("package t:e;\n"));
    }

    @Test
    void noFileOfADirectoryDeclaresThePackage() {
        write(dir, "a.wit", "interface a {}\n");
        write(dir, "b.wit", "interface b {}\n");
        assertEquals(
                dir.resolve("a.wit")
                        + ":1:1: missing package declaration: expected `package namespace:name;` "
                        + "(with an optional `@version`) in one of the package's files",
                directoryError());
    }

    @Test
    void filesOfADirectoryDisagreeOnThePackage() {
        write(dir, "a.wit", "package t:a;\n");
        write(dir, "b.wit", "// b\npackage t:b;\n");
        assertEquals(
                dir.resolve("b.wit")
                        + ":2:1: package `t:b` differs from `t:a` declared at "
                        + dir.resolve("a.wit")
                        + ":1:1: all files of a directory form one package",
                directoryError());
    }

    @Test
    void interfaceDefinedInTwoFiles() {
        write(dir, "a.wit", "package t:a;\ninterface i {}\n");
        write(dir, "b.wit", "interface i {}\n");
        assertEquals(
                dir.resolve("b.wit")
                        + ":1:1: `i` is already defined in package t:a at "
                        + dir.resolve("a.wit")
                        + ":2:1",
                directoryError());
    }

    @Test
    void errorsInsideADependencyNameTheDependencyFile() {
        write(dir, "main.wit", "package t:a;\nworld w { import t:dep/i; }\n");
        write(dir, "deps/dep/i.wit", "package t:dep;\ninterface i {\n  f: func() -> missing;\n}\n");
        assertEquals(
                dir.resolve("deps/dep/i.wit")
                        + ":3:16: unknown type `missing` in interface t:dep/i",
                directoryError());
    }

    @Test
    void samePackageInTwoDependencies() {
        write(dir, "main.wit", "package t:a;\n");
        write(dir, "deps/one.wit", "package t:dep;\n");
        write(dir, "deps/two/x.wit", "package t:dep;\n");
        assertEquals(
                dir.resolve("deps/two/x.wit")
                        + ":1:1: package `t:dep` is defined more than once (also in "
                        + dir.resolve("deps/one.wit")
                        + ")",
                directoryError());
    }

    @Test
    void versionMismatchListsTheVersionsPresent() {
        write(dir, "main.wit", "package t:a;\nworld w {\n  import t:kv/store@1.1.0;\n}\n");
        write(dir, "deps/kv1/kv.wit", "package t:kv@1.0.0;\ninterface store {}\n");
        write(dir, "deps/kv2/kv.wit", "package t:kv@2.0.0;\ninterface store {}\n");
        assertEquals(
                dir.resolve("main.wit")
                        + ":3:10: unknown package `t:kv@1.1.0` (versions present: t:kv@1.0.0, "
                        + "t:kv@2.0.0)",
                directoryError());
    }

    @Test
    void aVersionedDependencyNeedsTheVersionInReferences() {
        write(dir, "main.wit", "package t:a;\ninterface i {\n  use t:kv/store.{x};\n}\n");
        write(dir, "deps/kv.wit", "package t:kv@1.0.0;\ninterface store { type x = u8; }\n");
        assertEquals(
                dir.resolve("main.wit")
                        + ":3:7: unknown package `t:kv` (versions present: t:kv@1.0.0)",
                directoryError());
    }

    @Test
    void directoryProblems() {
        assertEquals("no .wit files in " + dir, directoryError());
        write(dir, "a.wit", "package t:a;\n");
        write(dir, "deps/empty/readme.md", "nothing");
        assertEquals(
                "dependency folder " + dir.resolve("deps/empty") + " has no .wit files",
                directoryError());
        Path missing = dir.resolve("missing");
        assertEquals(
                "WIT directory " + missing + " does not exist or is not a directory",
                assertThrows(WitException.class, () -> WitLoader.loadDirectory(missing))
                        .getMessage());
    }

    @Test
    void lookupsOnTheResolveNameWhatExists() {
        var wit = WitLoader.parse("package t:e@1.0.0;\ninterface i {}\nworld w {}\n", "e.wit");
        assertEquals(
                "package t:e@1.0.0 has no world `v` (worlds: w)",
                assertThrows(WitException.class, () -> wit.world("v")).getMessage());
        assertEquals(
                "package t:e@1.0.0 has no interface `j` (interfaces: i)",
                assertThrows(WitException.class, () -> wit.iface("t:e/j@1.0.0")).getMessage());
        assertEquals(
                "no package `t:e` is loaded (packages: t:e@1.0.0)",
                assertThrows(WitException.class, () -> wit.iface("t:e/i")).getMessage());
        assertEquals(
                "`i` is not an interface name of the form ns:pkg/iface[@version]",
                assertThrows(WitException.class, () -> wit.iface("i")).getMessage());
    }
}
