package dev.spinmixed.wit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser from tokens to {@link Ast.File}, following the grammar of the WIT
 * reference.
 */
final class Parser {

    private static final Map<String, WitType.Primitive> PRIMITIVES =
            Map.ofEntries(
                    Map.entry("bool", WitType.Primitive.BOOL),
                    Map.entry("s8", WitType.Primitive.S8),
                    Map.entry("u8", WitType.Primitive.U8),
                    Map.entry("s16", WitType.Primitive.S16),
                    Map.entry("u16", WitType.Primitive.U16),
                    Map.entry("s32", WitType.Primitive.S32),
                    Map.entry("u32", WitType.Primitive.U32),
                    Map.entry("s64", WitType.Primitive.S64),
                    Map.entry("u64", WitType.Primitive.U64),
                    Map.entry("f32", WitType.Primitive.F32),
                    Map.entry("f64", WitType.Primitive.F64),
                    Map.entry("char", WitType.Primitive.CHAR),
                    Map.entry("string", WitType.Primitive.STRING));

    /**
     * Spellings of f32/f64 from before the rename; they are not keywords, so only bare ids count.
     */
    private static final Map<String, WitType.Primitive> OLD_FLOAT_NAMES =
            Map.of("float32", WitType.Primitive.F32, "float64", WitType.Primitive.F64);

    /** Semantic Versioning 2.0: major.minor.patch[-pre][+build], no leading zeros in numbers. */
    private static final Pattern SEMVER =
            Pattern.compile(
                    "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                        + "(-(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?"
                        + "(\\+[0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*)?");

    private static final String UNSUPPORTED_RESOURCES =
            "resources are not supported by this host "
                    + "(only value types can cross its canonical ABI)";

    private final String fileName;
    private final List<Token> tokens;
    private int next;

    private Parser(String fileName, List<Token> tokens) {
        this.fileName = fileName;
        this.tokens = tokens;
    }

    static Ast.File parse(String source, String fileName) {
        return new Parser(fileName, Lexer.tokenize(source, fileName)).file();
    }

    private Ast.File file() {
        Optional<Ast.PackageDecl> pkg = Optional.empty();
        if (peek().isKeyword("package")) {
            SourcePosition position = take().position();
            pkg = Optional.of(new Ast.PackageDecl(packageName(), position));
            if (peek().isSymbol("{")) {
                throw errorAt(
                        peek(),
                        "nested package definitions (`package ... { }`) are not supported: "
                                + "put each dependency package in its own folder under deps/");
            }
            expectSymbol(";");
        }
        List<Ast.TopLevelUse> uses = new ArrayList<>();
        List<Ast.InterfaceDecl> interfaces = new ArrayList<>();
        List<Ast.WorldDecl> worlds = new ArrayList<>();
        while (peek().kind() != Token.Kind.EOF) {
            skipGates();
            Token start = take();
            if (start.isKeyword("use")) {
                Ast.UsePath path = usePath();
                String alias = path.name();
                if (peek().isKeyword("as")) {
                    take();
                    alias = id("a name after `as`");
                }
                expectSymbol(";");
                uses.add(new Ast.TopLevelUse(path, alias, start.position()));
            } else if (start.isKeyword("interface")) {
                interfaces.add(interfaceBody(id("an interface name"), start.position()));
            } else if (start.isKeyword("world")) {
                worlds.add(world(start.position()));
            } else if (start.isKeyword("package")) {
                throw errorAt(
                        start,
                        "the `package` declaration must come first in the file, and only once");
            } else {
                throw error(start, "expected `interface`, `world` or `use`");
            }
        }
        return new Ast.File(fileName, pkg, uses, interfaces, worlds);
    }

    /** {@code ns:name[@version]} */
    private PackageName packageName() {
        String namespace = id("a package namespace");
        expectSymbol(":");
        String name = id("a package name");
        if (peek().isSymbol(":") || peek().isSymbol("/")) {
            throw error(peek(), "nested package names are not supported: expected `@`, `;` or `{`");
        }
        return new PackageName(namespace, name, optionalVersion());
    }

    private Optional<String> optionalVersion() {
        if (!peek().isSymbol("@")) {
            return Optional.empty();
        }
        take();
        Token version = take();
        if (version.kind() != Token.Kind.VERSION || !SEMVER.matcher(version.text()).matches()) {
            throw error(version, "expected a semantic version such as `1.2.0`");
        }
        return Optional.of(version.text());
    }

    /** {@code iface} or {@code ns:pkg/iface[@version]} */
    private Ast.UsePath usePath() {
        SourcePosition position = peek().position();
        String first = id("an interface name or `namespace:package/interface`");
        if (!peek().isSymbol(":")) {
            return new Ast.UsePath(Optional.empty(), first, position);
        }
        take();
        String packageName = id("a package name");
        expectSymbol("/");
        String name = id("an interface or world name");
        PackageName pkg = new PackageName(first, packageName, optionalVersion());
        return new Ast.UsePath(Optional.of(pkg), name, position);
    }

    private Ast.InterfaceDecl interfaceBody(String name, SourcePosition position) {
        expectSymbol("{");
        List<Ast.Use> uses = new ArrayList<>();
        List<Ast.TypeDecl> types = new ArrayList<>();
        List<Ast.FunctionDecl> functions = new ArrayList<>();
        while (!peek().isSymbol("}")) {
            skipGates();
            if (peek().isKeyword("use")) {
                uses.add(use());
            } else if (startsTypeDecl(peek())) {
                types.add(typeDecl());
            } else if (peek().isId()) {
                functions.add(namedFunction());
            } else {
                throw error(
                        peek(),
                        "expected a type definition, a function (`name: func(...)`), `use` or `}`");
            }
        }
        take();
        return new Ast.InterfaceDecl(name, position, uses, types, functions);
    }

    private Ast.WorldDecl world(SourcePosition position) {
        String name = id("a world name");
        expectSymbol("{");
        List<Ast.Use> uses = new ArrayList<>();
        List<Ast.TypeDecl> types = new ArrayList<>();
        List<Ast.WorldMember> members = new ArrayList<>();
        while (!peek().isSymbol("}")) {
            skipGates();
            Token start = peek();
            if (start.isKeyword("import")) {
                take();
                members.add(new Ast.Import(extern()));
            } else if (start.isKeyword("export")) {
                take();
                members.add(new Ast.Export(extern()));
            } else if (start.isKeyword("include")) {
                take();
                members.add(include());
            } else if (start.isKeyword("use")) {
                uses.add(use());
            } else if (startsTypeDecl(start)) {
                types.add(typeDecl());
            } else {
                throw error(
                        start,
                        "expected `import`, `export`, `include`, `use`, a type definition or `}`");
            }
        }
        take();
        return new Ast.WorldDecl(name, position, uses, types, members);
    }

    /**
     * After {@code import}/{@code export}: {@code name: func(...);}, {@code name: interface {...}}
     * or a path.
     */
    private Ast.Extern extern() {
        boolean named =
                peek().isId()
                        && peek(1).isSymbol(":")
                        && (peek(2).isKeyword("func")
                                || peek(2).isKeyword("async")
                                || peek(2).isKeyword("interface"));
        if (!named) {
            if (peek().isId() && peek(1).isSymbol(":") && peek(2).isId() && peek(3).isSymbol(":")) {
                throw errorAt(
                        peek(),
                        "named imports and exports of an interface (`name: ns:pkg/iface`) are not "
                                + "supported: import or export the interface by its own name");
            }
            Ast.UsePath path = usePath();
            expectSymbol(";");
            return new Ast.ExternPath(path);
        }
        if (peek(2).isKeyword("interface")) {
            SourcePosition position = peek().position();
            String name = take().text();
            take();
            take();
            return new Ast.ExternInterface(interfaceBody(name, position));
        }
        return new Ast.ExternFunction(namedFunction());
    }

    private Ast.Include include() {
        Ast.UsePath world = usePath();
        List<Ast.IncludeRename> renames = new ArrayList<>();
        if (peek().isKeyword("with")) {
            take();
            renames =
                    braced(
                            "a name to rename",
                            () -> {
                                SourcePosition position = peek().position();
                                String from = id("a name of the included world");
                                expectKeyword("as");
                                return new Ast.IncludeRename(
                                        from, id("the new name after `as`"), position);
                            });
        }
        expectSymbol(";");
        return new Ast.Include(world, renames);
    }

    /** {@code use path.{a, b as c};} */
    private Ast.Use use() {
        take();
        Ast.UsePath path = usePath();
        expectSymbol(".");
        List<Ast.UseName> names =
                braced(
                        "a type name",
                        () -> {
                            SourcePosition position = peek().position();
                            String name = id("a type name");
                            String alias = name;
                            if (peek().isKeyword("as")) {
                                take();
                                alias = id("a name after `as`");
                            }
                            return new Ast.UseName(name, alias, position);
                        });
        if (names.isEmpty()) {
            throw new WitException(
                    path.position(),
                    "`use " + path + ".{}` names no type: expected at least one name");
        }
        expectSymbol(";");
        return new Ast.Use(path, names);
    }

    private Ast.FunctionDecl namedFunction() {
        SourcePosition position = peek().position();
        String name = id("a function name");
        expectSymbol(":");
        if (peek().isKeyword("async")) {
            throw errorAt(
                    peek(),
                    "async functions are not supported by this host (synchronous canonical ABI"
                            + " only)");
        }
        expectKeyword("func");
        expectSymbol("(");
        List<Ast.Param> params = new ArrayList<>();
        while (!peek().isSymbol(")")) {
            params.add(namedType("a parameter name"));
            if (!peek().isSymbol(")")) {
                expectSymbol(",");
            }
        }
        take();
        Optional<Ast.TypeRef> result = Optional.empty();
        if (peek().isSymbol("->")) {
            take();
            result = Optional.of(type());
        }
        expectSymbol(";");
        return new Ast.FunctionDecl(name, position, params, result);
    }

    private Ast.Param namedType(String what) {
        SourcePosition position = peek().position();
        String name = id(what);
        expectSymbol(":");
        return new Ast.Param(name, position, type());
    }

    private static boolean startsTypeDecl(Token token) {
        return token.isKeyword("type")
                || token.isKeyword("record")
                || token.isKeyword("variant")
                || token.isKeyword("enum")
                || token.isKeyword("flags")
                || token.isKeyword("resource");
    }

    private Ast.TypeDecl typeDecl() {
        Token keyword = take();
        if (keyword.isKeyword("resource")) {
            String name = peek().isId() ? " `" + peek().text() + "`" : "";
            throw errorAt(keyword, "resource" + name + ": " + UNSUPPORTED_RESOURCES);
        }
        SourcePosition position = keyword.position();
        String name = id("a type name");
        switch (keyword.text()) {
            case "type":
                {
                    expectSymbol("=");
                    Ast.TypeRef target = type();
                    expectSymbol(";");
                    return new Ast.AliasDecl(name, position, target);
                }
            case "record":
                return new Ast.RecordDecl(
                        name,
                        position,
                        nonEmpty(
                                keyword,
                                name,
                                braced("a field name", () -> namedType("a field name"))));
            case "variant":
                return new Ast.VariantDecl(
                        name,
                        position,
                        nonEmpty(
                                keyword,
                                name,
                                braced(
                                        "a case name",
                                        () -> {
                                            SourcePosition casePosition = peek().position();
                                            String caseName = id("a case name");
                                            Optional<Ast.TypeRef> payload = Optional.empty();
                                            if (peek().isSymbol("(")) {
                                                take();
                                                payload = Optional.of(type());
                                                expectSymbol(")");
                                            }
                                            return new Ast.CaseDecl(
                                                    caseName, casePosition, payload);
                                        })));
            case "enum":
                return new Ast.EnumDecl(
                        name,
                        position,
                        nonEmpty(keyword, name, braced("a case name", this::nameDecl)));
            default:
                return new Ast.FlagsDecl(
                        name,
                        position,
                        nonEmpty(keyword, name, braced("a flag name", this::nameDecl)));
        }
    }

    private Ast.NameDecl nameDecl() {
        SourcePosition position = peek().position();
        return new Ast.NameDecl(id("a name"), position);
    }

    private <T> List<T> nonEmpty(Token keyword, String name, List<T> items) {
        if (items.isEmpty()) {
            throw errorAt(
                    keyword,
                    keyword.text()
                            + " `"
                            + name
                            + "` must have at least one "
                            + (keyword.isKeyword("record")
                                    ? "field"
                                    : keyword.isKeyword("flags") ? "flag" : "case"));
        }
        return items;
    }

    private Ast.TypeRef type() {
        Token token = take();
        if (token.kind() == Token.Kind.KEYWORD && PRIMITIVES.containsKey(token.text())) {
            return new Ast.PrimitiveRef(PRIMITIVES.get(token.text()));
        }
        if (token.kind() == Token.Kind.ID && OLD_FLOAT_NAMES.containsKey(token.text())) {
            return new Ast.PrimitiveRef(OLD_FLOAT_NAMES.get(token.text()));
        }
        if (token.isId()) {
            return new Ast.NamedRef(token.text(), token.position());
        }
        switch (token.kind() == Token.Kind.KEYWORD ? token.text() : "") {
            case "list":
                {
                    expectSymbol("<");
                    Ast.TypeRef element = type();
                    if (peek().isSymbol(",")) {
                        throw error(peek(), "fixed-length lists are not supported: expected `>`");
                    }
                    expectSymbol(">");
                    return new Ast.ListRef(element);
                }
            case "option":
                {
                    expectSymbol("<");
                    Ast.TypeRef some = type();
                    expectSymbol(">");
                    return new Ast.OptionRef(some);
                }
            case "result":
                return result();
            case "tuple":
                {
                    expectSymbol("<");
                    List<Ast.TypeRef> types = new ArrayList<>();
                    types.add(type());
                    while (peek().isSymbol(",")) {
                        take();
                        if (peek().isSymbol(">")) {
                            break;
                        }
                        types.add(type());
                    }
                    expectSymbol(">");
                    return new Ast.TupleRef(types);
                }
            case "own":
            case "borrow":
                throw errorAt(
                        token, "`" + token.text() + "<...>` handles: " + UNSUPPORTED_RESOURCES);
            case "future":
            case "stream":
                throw errorAt(
                        token,
                        "`"
                                + token.text()
                                + "` is not supported by this host (async types, like resources, "
                                + "are out of scope)");
            case "map":
                throw errorAt(
                        token, "`map` is not supported by this host: use `list<tuple<K, V>>`");
            default:
                throw error(token, "expected a type");
        }
    }

    /** {@code result}, {@code result<T>}, {@code result<_, E>} or {@code result<T, E>}. */
    private Ast.TypeRef result() {
        if (!peek().isSymbol("<")) {
            return new Ast.ResultRef(Optional.empty(), Optional.empty());
        }
        take();
        Optional<Ast.TypeRef> ok;
        if (peek().isSymbol("_")) {
            take();
            ok = Optional.empty();
            expectSymbol(",");
        } else {
            ok = Optional.of(type());
            if (peek().isSymbol(">")) {
                take();
                return new Ast.ResultRef(ok, Optional.empty());
            }
            expectSymbol(",");
        }
        Optional<Ast.TypeRef> err = Optional.of(type());
        expectSymbol(">");
        return new Ast.ResultRef(ok, err);
    }

    /** {@code { item, item, ... }} with an optional trailing comma. */
    private <T> List<T> braced(String what, Supplier<T> item) {
        expectSymbol("{");
        List<T> items = new ArrayList<>();
        while (!peek().isSymbol("}")) {
            if (!peek().isId()) {
                throw error(peek(), "expected " + what + " or `}`");
            }
            items.add(item.get());
            if (!peek().isSymbol("}")) {
                expectSymbol(",");
            }
        }
        take();
        return items;
    }

    /**
     * Feature gates ({@code @since(version = 1.2.0)}, {@code @unstable(feature = x)},
     * {@code @deprecated(version = 1.2.0)}) are accepted and ignored: this host has a single
     * version.
     */
    private void skipGates() {
        while (peek().isSymbol("@")) {
            take();
            Token gate = take();
            if (!(gate.is(Token.Kind.ID, "since")
                    || gate.is(Token.Kind.ID, "unstable")
                    || gate.is(Token.Kind.ID, "deprecated"))) {
                throw error(gate, "expected `since`, `unstable` or `deprecated` after `@`");
            }
            expectSymbol("(");
            id("`version` or `feature`");
            expectSymbol("=");
            Token value = take();
            if (value.kind() != Token.Kind.VERSION && !value.isId()) {
                throw error(value, "expected a version or a feature name");
            }
            expectSymbol(")");
        }
    }

    private String id(String what) {
        Token token = take();
        if (!token.isId()) {
            String hint =
                    token.kind() == Token.Kind.KEYWORD
                            ? " (escape a keyword used as a name with `%`)"
                            : "";
            throw error(token, "expected " + what + hint);
        }
        return token.text();
    }

    private void expectSymbol(String symbol) {
        Token token = take();
        if (!token.isSymbol(symbol)) {
            throw error(token, "expected `" + symbol + "`");
        }
    }

    private void expectKeyword(String keyword) {
        Token token = take();
        if (!token.isKeyword(keyword)) {
            throw error(token, "expected `" + keyword + "`");
        }
    }

    private WitException error(Token found, String expectation) {
        return new WitException(found.position(), expectation + ", found " + found.describe());
    }

    /** An error that says what is wrong without the "found ..." of a syntax error. */
    private static WitException errorAt(Token at, String message) {
        return new WitException(at.position(), message);
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token token = peek();
        if (next < tokens.size() - 1) {
            next++;
        }
        return token;
    }
}
