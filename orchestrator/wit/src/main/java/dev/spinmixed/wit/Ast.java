package dev.spinmixed.wit;

import java.util.List;
import java.util.Optional;

/** The syntax tree of one WIT file, as written: names are not resolved yet. */
final class Ast {

    private Ast() {}

    record File(
            String name,
            Optional<PackageDecl> pkg,
            List<TopLevelUse> uses,
            List<InterfaceDecl> interfaces,
            List<WorldDecl> worlds) {}

    record PackageDecl(PackageName name, SourcePosition position) {}

    /**
     * {@code name} alone refers to the current package (or a top-level use); with {@code pkg} to a
     * dependency.
     */
    record UsePath(Optional<PackageName> pkg, String name, SourcePosition position) {

        @Override
        public String toString() {
            return pkg.map(p -> p.qualify(name)).orElse(name);
        }
    }

    /** {@code use ns:pkg/iface[@ver] [as alias];} at the top of a file. */
    record TopLevelUse(UsePath path, String alias, SourcePosition position) {}

    record InterfaceDecl(
            String name,
            SourcePosition position,
            List<Use> uses,
            List<TypeDecl> types,
            List<FunctionDecl> functions) {}

    /** {@code use path.{name [as alias], ...};} inside an interface or world. */
    record Use(UsePath path, List<UseName> names) {}

    record UseName(String name, String alias, SourcePosition position) {}

    record FunctionDecl(
            String name, SourcePosition position, List<Param> params, Optional<TypeRef> result) {}

    record Param(String name, SourcePosition position, TypeRef type) {}

    sealed interface TypeDecl {
        String name();

        SourcePosition position();
    }

    record AliasDecl(String name, SourcePosition position, TypeRef target) implements TypeDecl {}

    record RecordDecl(String name, SourcePosition position, List<Param> fields)
            implements TypeDecl {}

    record VariantDecl(String name, SourcePosition position, List<CaseDecl> cases)
            implements TypeDecl {}

    record CaseDecl(String name, SourcePosition position, Optional<TypeRef> type) {}

    record EnumDecl(String name, SourcePosition position, List<NameDecl> cases)
            implements TypeDecl {}

    record FlagsDecl(String name, SourcePosition position, List<NameDecl> flags)
            implements TypeDecl {}

    record NameDecl(String name, SourcePosition position) {}

    /** A type expression. */
    sealed interface TypeRef {}

    record PrimitiveRef(WitType.Primitive primitive) implements TypeRef {}

    record NamedRef(String name, SourcePosition position) implements TypeRef {}

    record ListRef(TypeRef element) implements TypeRef {}

    record OptionRef(TypeRef some) implements TypeRef {}

    record ResultRef(Optional<TypeRef> ok, Optional<TypeRef> err) implements TypeRef {}

    record TupleRef(List<TypeRef> types) implements TypeRef {}

    record WorldDecl(
            String name,
            SourcePosition position,
            List<Use> uses,
            List<TypeDecl> types,
            List<WorldMember> members) {}

    /** An import, export or include, in source order. */
    sealed interface WorldMember {}

    record Import(Extern extern) implements WorldMember {}

    record Export(Extern extern) implements WorldMember {}

    record Include(UsePath world, List<IncludeRename> renames) implements WorldMember {}

    record IncludeRename(String from, String to, SourcePosition position) {}

    /** What a world imports or exports. */
    sealed interface Extern {
        SourcePosition position();
    }

    record ExternPath(UsePath path) implements Extern {
        @Override
        public SourcePosition position() {
            return path.position();
        }
    }

    record ExternFunction(FunctionDecl function) implements Extern {
        @Override
        public SourcePosition position() {
            return function.position();
        }
    }

    record ExternInterface(InterfaceDecl body) implements Extern {
        @Override
        public SourcePosition position() {
            return body.position();
        }
    }
}
