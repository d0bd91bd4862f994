package dev.spinmixed.wit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns parsed files into the resolved model: follows {@code use}, aliases and {@code include}
 * across packages, and reports unknown names, duplicates and cycles at their source position.
 * Definitions may come in any order; everything is resolved on demand and memoised.
 */
final class Resolver {

    /** The canonical ABI stores flags in at most one i32. */
    private static final int MAX_FLAGS = 32;

    private record InterfaceSite(PackageName pkg, Ast.File file, Ast.InterfaceDecl decl) {}

    private record WorldSite(PackageName pkg, Ast.File file, Ast.WorldDecl decl) {}

    private record Key(PackageName pkg, String name) {}

    /** The files of one package and its top-level names. */
    private static final class PackageSource {
        final PackageName name;
        final List<Ast.File> files;
        final Map<String, InterfaceSite> interfaces = new LinkedHashMap<>();
        final Map<String, WorldSite> worlds = new LinkedHashMap<>();
        final Map<String, SourcePosition> definedAt = new HashMap<>();

        PackageSource(PackageName name, List<Ast.File> files) {
            this.name = name;
            this.files = files;
        }
    }

    /** A type name in an interface or world: defined there, or brought in by {@code use}. */
    private sealed interface Entry {
        SourcePosition position();
    }

    private record Defined(Ast.TypeDecl decl) implements Entry {
        @Override
        public SourcePosition position() {
            return decl.position();
        }
    }

    private record Imported(Ast.UsePath from, Ast.UseName name) implements Entry {
        @Override
        public SourcePosition position() {
            return name.position();
        }
    }

    /** The type names visible in one interface or world, and those resolved so far. */
    private static final class Scope {
        final String shortName;
        final String description;
        final PackageName pkg;
        final Ast.File file;
        final Map<String, Entry> entries = new LinkedHashMap<>();
        final Map<String, WitType> resolved = new HashMap<>();

        Scope(
                String shortName,
                String description,
                PackageName pkg,
                Ast.File file,
                List<Ast.Use> uses,
                List<Ast.TypeDecl> types) {
            this.shortName = shortName;
            this.description = description;
            this.pkg = pkg;
            this.file = file;
            for (Ast.Use use : uses) {
                for (Ast.UseName name : use.names()) {
                    add(name.alias(), new Imported(use.path(), name));
                }
            }
            for (Ast.TypeDecl type : types) {
                add(type.name(), new Defined(type));
            }
        }

        /**
         * Uses and type definitions are kept apart by the parser, so the error names the later of
         * the two.
         */
        private void add(String name, Entry entry) {
            Entry previous = entries.putIfAbsent(name, entry);
            if (previous != null) {
                SourcePosition first = previous.position();
                SourcePosition second = entry.position();
                if (second.line() < first.line()
                        || (second.line() == first.line() && second.column() < first.column())) {
                    first = entry.position();
                    second = previous.position();
                }
                throw new WitException(
                        second,
                        "`" + name + "` is already defined in " + description + " at " + first);
            }
        }
    }

    private record Pending(Scope scope, String name) {}

    private final Map<PackageName, PackageSource> packages = new LinkedHashMap<>();
    private final Map<Ast.File, Map<String, Ast.TopLevelUse>> topLevelUses = new HashMap<>();
    private final Map<Key, Scope> interfaceScopes = new HashMap<>();
    private final Map<Key, Interface> interfaces = new HashMap<>();
    private final Map<Key, World> worlds = new HashMap<>();
    private final List<Pending> typesInProgress = new ArrayList<>();
    private final List<Key> worldsInProgress = new ArrayList<>();

    private Resolver() {}

    /**
     * Resolves a main package and its dependencies; each list holds the (non-empty) files of one
     * package.
     */
    static WitResolve resolve(List<Ast.File> mainFiles, List<List<Ast.File>> dependencies) {
        Resolver resolver = new Resolver();
        PackageName main = resolver.register(mainFiles);
        for (List<Ast.File> dependency : dependencies) {
            resolver.register(dependency);
        }
        Map<PackageName, WitPackage> resolved = new LinkedHashMap<>();
        for (PackageSource source : resolver.packages.values()) {
            resolved.put(source.name, resolver.resolvePackage(source));
        }
        return new WitResolve(resolved.get(main), resolved);
    }

    private PackageName register(List<Ast.File> files) {
        PackageName name = packageName(files);
        PackageSource source = new PackageSource(name, files);
        if (packages.containsKey(name)) {
            SourcePosition position =
                    files.stream()
                            .flatMap(f -> f.pkg().stream())
                            .findFirst()
                            .orElseThrow()
                            .position();
            throw new WitException(
                    position,
                    "package `"
                            + name
                            + "` is defined more than once (also in "
                            + packages.get(name).files.get(0).name()
                            + ")");
        }
        packages.put(name, source);
        for (Ast.File file : files) {
            for (Ast.InterfaceDecl decl : file.interfaces()) {
                defineTopLevel(source, decl.name(), decl.position());
                source.interfaces.put(decl.name(), new InterfaceSite(name, file, decl));
            }
            for (Ast.WorldDecl decl : file.worlds()) {
                defineTopLevel(source, decl.name(), decl.position());
                source.worlds.put(decl.name(), new WorldSite(name, file, decl));
            }
        }
        for (Ast.File file : files) {
            Map<String, Ast.TopLevelUse> uses = new HashMap<>();
            for (Ast.TopLevelUse use : file.uses()) {
                if (source.definedAt.containsKey(use.alias())) {
                    throw new WitException(
                            use.position(),
                            "`use` names `"
                                    + use.alias()
                                    + "`, which is already "
                                    + "defined in package "
                                    + name
                                    + " at "
                                    + source.definedAt.get(use.alias())
                                    + ": rename it with `as`");
                }
                Ast.TopLevelUse previous = uses.putIfAbsent(use.alias(), use);
                if (previous != null) {
                    throw new WitException(
                            use.position(),
                            "`"
                                    + use.alias()
                                    + "` is already brought in by the `use` at "
                                    + previous.position());
                }
            }
            topLevelUses.put(file, uses);
        }
        return name;
    }

    /** Every file may declare the package; at least one must, and all that do must agree. */
    private static PackageName packageName(List<Ast.File> files) {
        Optional<Ast.PackageDecl> first = Optional.empty();
        for (Ast.File file : files) {
            if (file.pkg().isEmpty()) {
                continue;
            }
            Ast.PackageDecl decl = file.pkg().get();
            if (first.isPresent() && !first.get().name().equals(decl.name())) {
                throw new WitException(
                        decl.position(),
                        "package `"
                                + decl.name()
                                + "` differs from `"
                                + first.get().name()
                                + "` declared at "
                                + first.get().position()
                                + ": all files of a directory form one package");
            }
            first = first.or(() -> Optional.of(decl));
        }
        return first.orElseThrow(
                        () ->
                                new WitException(
                                        new SourcePosition(files.get(0).name(), 1, 1),
                                        "missing package declaration: expected `package"
                                                + " namespace:name;` (with an optional `@version`)"
                                                + (files.size() > 1
                                                        ? " in one of the package's files"
                                                        : "")))
                .name();
    }

    private static void defineTopLevel(PackageSource source, String name, SourcePosition position) {
        SourcePosition previous = source.definedAt.putIfAbsent(name, position);
        if (previous != null) {
            throw new WitException(
                    position,
                    "`"
                            + name
                            + "` is already defined in package "
                            + source.name
                            + " at "
                            + previous);
        }
    }

    private WitPackage resolvePackage(PackageSource source) {
        for (Ast.File file : source.files) {
            for (Ast.TopLevelUse use : file.uses()) {
                interfaceKey(source.name, file, use.path(), false);
            }
        }
        Map<String, Interface> resolvedInterfaces = new LinkedHashMap<>();
        for (String name : source.interfaces.keySet()) {
            resolvedInterfaces.put(name, resolveInterface(new Key(source.name, name)));
        }
        Map<String, World> resolvedWorlds = new LinkedHashMap<>();
        for (String name : source.worlds.keySet()) {
            SourcePosition declaredAt = source.worlds.get(name).decl().position();
            resolvedWorlds.put(name, resolveWorld(new Key(source.name, name), declaredAt));
        }
        return new WitPackage(source.name, resolvedInterfaces, resolvedWorlds);
    }

    // ---- paths to packages, interfaces and worlds

    private PackageSource findPackage(PackageName name, SourcePosition at) {
        PackageSource source = packages.get(name);
        if (source != null) {
            return source;
        }
        List<String> sameName =
                packages.keySet().stream()
                        .filter(
                                p ->
                                        p.namespace().equals(name.namespace())
                                                && p.name().equals(name.name()))
                        .map(PackageName::toString)
                        .sorted()
                        .collect(Collectors.toList());
        String known =
                sameName.isEmpty()
                        ? "known packages: "
                                + packages.keySet().stream()
                                        .map(PackageName::toString)
                                        .sorted()
                                        .collect(Collectors.joining(", "))
                        : "versions present: " + String.join(", ", sameName);
        throw new WitException(at, "unknown package `" + name + "` (" + known + ")");
    }

    /**
     * A bare name is first looked up among the file's top-level {@code use}s, then among the
     * interfaces of its package; a top-level use itself never refers to another top-level use.
     */
    private Key interfaceKey(
            PackageName pkg, Ast.File file, Ast.UsePath path, boolean viaTopLevelUses) {
        if (path.pkg().isPresent()) {
            PackageSource source = findPackage(path.pkg().get(), path.position());
            if (!source.interfaces.containsKey(path.name())) {
                throw new WitException(
                        path.position(),
                        "package "
                                + source.name
                                + " has no interface `"
                                + path.name()
                                + "`"
                                + listing(" (interfaces: ", source.interfaces.keySet()));
            }
            return new Key(source.name, path.name());
        }
        Ast.TopLevelUse alias = viaTopLevelUses ? topLevelUses.get(file).get(path.name()) : null;
        if (alias != null) {
            return interfaceKey(pkg, file, alias.path(), false);
        }
        PackageSource source = packages.get(pkg);
        if (!source.interfaces.containsKey(path.name())) {
            throw new WitException(
                    path.position(),
                    "unknown interface `"
                            + path.name()
                            + "` in package "
                            + pkg
                            + listing(" (interfaces: ", source.interfaces.keySet()));
        }
        return new Key(pkg, path.name());
    }

    private Key worldKey(PackageName pkg, Ast.UsePath path) {
        PackageSource source =
                path.pkg().isPresent()
                        ? findPackage(path.pkg().get(), path.position())
                        : packages.get(pkg);
        if (!source.worlds.containsKey(path.name())) {
            throw new WitException(
                    path.position(),
                    "unknown world `"
                            + path.name()
                            + "` in package "
                            + source.name
                            + listing(" (worlds: ", source.worlds.keySet()));
        }
        return new Key(source.name, path.name());
    }

    private static String listing(String prefix, Set<String> names) {
        return names.isEmpty() ? " (it has none)" : prefix + String.join(", ", names) + ")";
    }

    // ---- interfaces and functions

    private Scope interfaceScope(Key key) {
        Scope scope = interfaceScopes.get(key);
        if (scope == null) {
            InterfaceSite site = packages.get(key.pkg()).interfaces.get(key.name());
            scope =
                    new Scope(
                            key.name(),
                            "interface " + key.pkg().qualify(key.name()),
                            key.pkg(),
                            site.file(),
                            site.decl().uses(),
                            site.decl().types());
            interfaceScopes.put(key, scope);
        }
        return scope;
    }

    private Interface resolveInterface(Key key) {
        Interface resolved = interfaces.get(key);
        if (resolved == null) {
            Ast.InterfaceDecl decl = packages.get(key.pkg()).interfaces.get(key.name()).decl();
            resolved = interfaceBody(interfaceScope(key), decl, Optional.of(key.pkg()));
            interfaces.put(key, resolved);
        }
        return resolved;
    }

    /**
     * The types map holds every type name of the interface, those brought in by {@code use}
     * included.
     */
    private Interface interfaceBody(
            Scope scope, Ast.InterfaceDecl decl, Optional<PackageName> pkg) {
        Map<String, WitType> types = new LinkedHashMap<>();
        List<String> definedTypes = new ArrayList<>();
        for (Map.Entry<String, Entry> entry : scope.entries.entrySet()) {
            types.put(entry.getKey(), named(scope, entry.getKey(), entry.getValue().position()));
            if (entry.getValue() instanceof Defined) {
                definedTypes.add(entry.getKey());
            }
        }
        Map<String, SourcePosition> functionNames = new HashMap<>();
        List<Function> functions = new ArrayList<>();
        for (Ast.FunctionDecl function : decl.functions()) {
            Entry type = scope.entries.get(function.name());
            SourcePosition previous =
                    type != null ? type.position() : functionNames.get(function.name());
            if (previous != null) {
                throw new WitException(
                        function.position(),
                        "`"
                                + function.name()
                                + "` is already defined in "
                                + scope.description
                                + " at "
                                + previous);
            }
            functionNames.put(function.name(), function.position());
            functions.add(function(scope, function));
        }
        return new Interface(
                pkg,
                decl.name(),
                types,
                functions,
                usedInterfaces(scope, decl.uses()),
                definedTypes);
    }

    /** The qualified names of the interfaces {@code uses} take types from, each once, in order. */
    private List<String> usedInterfaces(Scope scope, List<Ast.Use> uses) {
        Set<String> names = new LinkedHashSet<>();
        for (Ast.Use use : uses) {
            Key key = interfaceKey(scope.pkg, scope.file, use.path(), true);
            names.add(key.pkg().qualify(key.name()));
        }
        return List.copyOf(names);
    }

    private Function function(Scope scope, Ast.FunctionDecl decl) {
        List<Function.Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Ast.Param param : decl.params()) {
            if (!names.add(param.name())) {
                throw new WitException(
                        param.position(),
                        "duplicate parameter `"
                                + param.name()
                                + "` in function `"
                                + decl.name()
                                + "`");
            }
            params.add(new Function.Param(param.name(), type(scope, param.type())));
        }
        return new Function(decl.name(), params, decl.result().map(result -> type(scope, result)));
    }

    // ---- types

    private WitType type(Scope scope, Ast.TypeRef ref) {
        if (ref instanceof Ast.PrimitiveRef primitive) {
            return primitive.primitive();
        }
        if (ref instanceof Ast.NamedRef named) {
            return named(scope, named.name(), named.position());
        }
        if (ref instanceof Ast.ListRef list) {
            return new WitType.ListType(type(scope, list.element()));
        }
        if (ref instanceof Ast.OptionRef option) {
            return new WitType.OptionType(type(scope, option.some()));
        }
        if (ref instanceof Ast.ResultRef result) {
            return new WitType.ResultType(
                    result.ok().map(t -> type(scope, t)), result.err().map(t -> type(scope, t)));
        }
        Ast.TupleRef tuple = (Ast.TupleRef) ref;
        return new WitType.TupleType(
                tuple.types().stream().map(t -> type(scope, t)).collect(Collectors.toList()));
    }

    /**
     * Resolves a type name of a scope once; a name met again while it is being resolved is a cycle.
     */
    private WitType named(Scope scope, String name, SourcePosition referencedAt) {
        WitType resolved = scope.resolved.get(name);
        if (resolved != null) {
            return resolved;
        }
        Entry entry = scope.entries.get(name);
        if (entry == null) {
            throw new WitException(
                    referencedAt, "unknown type `" + name + "` in " + scope.description);
        }
        Pending pending = new Pending(scope, name);
        int start = typesInProgress.indexOf(pending);
        if (start >= 0) {
            List<Pending> cycle =
                    new ArrayList<>(typesInProgress.subList(start, typesInProgress.size()));
            cycle.add(pending);
            boolean oneScope = cycle.stream().allMatch(p -> p.scope() == scope);
            String path =
                    cycle.stream()
                            .map(
                                    p ->
                                            "`"
                                                    + (oneScope ? "" : p.scope().shortName + ".")
                                                    + p.name()
                                                    + "`")
                            .collect(Collectors.joining(" -> "));
            throw new WitException(
                    entry.position(), "type `" + name + "` refers to itself: " + path);
        }
        typesInProgress.add(pending);
        if (entry instanceof Imported imported) {
            Scope from = interfaceScope(interfaceKey(scope.pkg, scope.file, imported.from(), true));
            resolved = named(from, imported.name().name(), imported.name().position());
        } else {
            resolved = definition(scope, ((Defined) entry).decl());
        }
        typesInProgress.remove(typesInProgress.size() - 1);
        scope.resolved.put(name, resolved);
        return resolved;
    }

    private WitType definition(Scope scope, Ast.TypeDecl decl) {
        if (decl instanceof Ast.AliasDecl alias) {
            return type(scope, alias.target());
        }
        if (decl instanceof Ast.RecordDecl record) {
            unique(
                    record.fields().stream()
                            .map(f -> new Ast.NameDecl(f.name(), f.position()))
                            .collect(Collectors.toList()),
                    "field",
                    "record `" + record.name() + "`");
            List<WitType.Field> fields = new ArrayList<>();
            for (Ast.Param field : record.fields()) {
                fields.add(new WitType.Field(field.name(), type(scope, field.type())));
            }
            return new WitType.RecordType(record.name(), fields);
        }
        if (decl instanceof Ast.VariantDecl variant) {
            unique(
                    variant.cases().stream()
                            .map(c -> new Ast.NameDecl(c.name(), c.position()))
                            .collect(Collectors.toList()),
                    "case",
                    "variant `" + variant.name() + "`");
            List<WitType.Case> cases = new ArrayList<>();
            for (Ast.CaseDecl c : variant.cases()) {
                cases.add(new WitType.Case(c.name(), c.type().map(t -> type(scope, t))));
            }
            return new WitType.VariantType(variant.name(), cases);
        }
        if (decl instanceof Ast.EnumDecl enumDecl) {
            return new WitType.EnumType(
                    enumDecl.name(),
                    unique(enumDecl.cases(), "case", "enum `" + enumDecl.name() + "`"));
        }
        Ast.FlagsDecl flags = (Ast.FlagsDecl) decl;
        if (flags.flags().size() > MAX_FLAGS) {
            throw new WitException(
                    flags.flags().get(MAX_FLAGS).position(),
                    "flags `"
                            + flags.name()
                            + "` has "
                            + flags.flags().size()
                            + " flags: at most "
                            + MAX_FLAGS
                            + " are allowed");
        }
        return new WitType.FlagsType(
                flags.name(), unique(flags.flags(), "flag", "flags `" + flags.name() + "`"));
    }

    private static List<String> unique(List<Ast.NameDecl> names, String what, String owner) {
        List<String> result = new ArrayList<>();
        for (Ast.NameDecl name : names) {
            if (result.contains(name.name())) {
                throw new WitException(
                        name.position(),
                        "duplicate " + what + " `" + name.name() + "` in " + owner);
            }
            result.add(name.name());
        }
        return result;
    }

    // ---- worlds

    private World resolveWorld(Key key, SourcePosition referencedAt) {
        World resolved = worlds.get(key);
        if (resolved != null) {
            return resolved;
        }
        int start = worldsInProgress.indexOf(key);
        if (start >= 0) {
            String cycle =
                    worldsInProgress.subList(start, worldsInProgress.size()).stream()
                            .map(k -> "`" + k.name() + "`")
                            .collect(Collectors.joining(" -> "));
            throw new WitException(
                    referencedAt,
                    "world `"
                            + key.name()
                            + "` includes itself: "
                            + cycle
                            + " -> `"
                            + key.name()
                            + "`");
        }
        worldsInProgress.add(key);
        WorldSite site = packages.get(key.pkg()).worlds.get(key.name());
        String description = "world " + key.pkg().qualify(key.name());
        Scope scope =
                new Scope(
                        key.name(),
                        description,
                        key.pkg(),
                        site.file(),
                        site.decl().uses(),
                        site.decl().types());
        scope.entries.forEach((name, entry) -> named(scope, name, entry.position()));
        Map<String, World.WorldItem> imports = new LinkedHashMap<>();
        Map<String, World.WorldItem> exports = new LinkedHashMap<>();
        for (Ast.WorldMember member : site.decl().members()) {
            if (member instanceof Ast.Import item) {
                add(
                        imports,
                        "import",
                        worldItem(scope, item.extern()),
                        item.extern().position(),
                        description);
            } else if (member instanceof Ast.Export item) {
                add(
                        exports,
                        "export",
                        worldItem(scope, item.extern()),
                        item.extern().position(),
                        description);
            } else {
                include(key.pkg(), (Ast.Include) member, imports, exports, description);
            }
        }
        worldsInProgress.remove(worldsInProgress.size() - 1);
        resolved =
                new World(
                        key.pkg(),
                        key.name(),
                        List.copyOf(imports.values()),
                        List.copyOf(exports.values()),
                        usedInterfaces(scope, site.decl().uses()));
        worlds.put(key, resolved);
        return resolved;
    }

    private World.WorldItem worldItem(Scope scope, Ast.Extern extern) {
        if (extern instanceof Ast.ExternPath path) {
            Key key = interfaceKey(scope.pkg, scope.file, path.path(), true);
            return new World.WorldItem.InterfaceItem(resolveInterface(key));
        }
        if (extern instanceof Ast.ExternFunction function) {
            return new World.WorldItem.FunctionItem(function(scope, function.function()));
        }
        Ast.InterfaceDecl body = ((Ast.ExternInterface) extern).body();
        Scope inline =
                new Scope(
                        body.name(),
                        "interface `" + body.name() + "` of " + scope.description,
                        scope.pkg,
                        scope.file,
                        body.uses(),
                        body.types());
        return new World.WorldItem.InterfaceItem(interfaceBody(inline, body, Optional.empty()));
    }

    /** The name that identifies an import or export: {@code ns:pkg/iface[@ver]} or a plain name. */
    private static String itemName(World.WorldItem item) {
        if (item instanceof World.WorldItem.InterfaceItem iface) {
            return iface.iface().qualifiedName();
        }
        return ((World.WorldItem.FunctionItem) item).function().name();
    }

    private static void add(
            Map<String, World.WorldItem> items,
            String what,
            World.WorldItem item,
            SourcePosition position,
            String world) {
        String name = itemName(item);
        if (items.putIfAbsent(name, item) != null) {
            throw new WitException(position, "duplicate " + what + " `" + name + "` in " + world);
        }
    }

    /**
     * Adds the included world's imports and exports. An interface both worlds name is kept once; a
     * plain name (function or inline interface) both use is a conflict unless renamed with {@code
     * with}.
     */
    private void include(
            PackageName pkg,
            Ast.Include include,
            Map<String, World.WorldItem> imports,
            Map<String, World.WorldItem> exports,
            String description) {
        World included = resolveWorld(worldKey(pkg, include.world()), include.world().position());
        Map<String, String> renames = new HashMap<>();
        for (Ast.IncludeRename rename : include.renames()) {
            boolean plainName =
                    Stream.concat(included.imports().stream(), included.exports().stream())
                            .anyMatch(
                                    item ->
                                            isPlainName(item)
                                                    && itemName(item).equals(rename.from()));
            if (!plainName) {
                throw new WitException(
                        rename.position(),
                        "world `"
                                + included.name()
                                + "` has no function or inline "
                                + "interface named `"
                                + rename.from()
                                + "` to rename");
            }
            renames.put(rename.from(), rename.to());
        }
        merge(included.imports(), imports, renames, "import", include, description);
        merge(included.exports(), exports, renames, "export", include, description);
    }

    private static void merge(
            List<World.WorldItem> from,
            Map<String, World.WorldItem> into,
            Map<String, String> renames,
            String what,
            Ast.Include include,
            String description) {
        for (World.WorldItem item : from) {
            String originalName = itemName(item);
            World.WorldItem renamed =
                    isPlainName(item)
                            ? rename(item, renames.getOrDefault(originalName, originalName))
                            : item;
            String name = itemName(renamed);
            World.WorldItem existing = into.putIfAbsent(name, renamed);
            if (existing != null && isPlainName(renamed)) {
                throw new WitException(
                        include.world().position(),
                        "included world `"
                                + include.world()
                                + "` has "
                                + what
                                + " `"
                                + name
                                + "`, which "
                                + description
                                + " already has: rename it with `include "
                                + include.world()
                                + " with { "
                                + name
                                + " as other-name }`");
            }
        }
    }

    private static boolean isPlainName(World.WorldItem item) {
        return !(item instanceof World.WorldItem.InterfaceItem iface)
                || iface.iface().pkg().isEmpty();
    }

    private static World.WorldItem rename(World.WorldItem item, String name) {
        if (item instanceof World.WorldItem.InterfaceItem iface) {
            Interface i = iface.iface();
            return new World.WorldItem.InterfaceItem(
                    new Interface(
                            i.pkg(), name, i.types(), i.functions(), i.uses(), i.definedTypes()));
        }
        Function f = ((World.WorldItem.FunctionItem) item).function();
        return new World.WorldItem.FunctionItem(new Function(name, f.params(), f.result()));
    }
}
