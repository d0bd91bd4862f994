package dev.spinmixed.spinapp.manifest;

import java.util.Comparator;
import java.util.Optional;

/**
 * The key of a {@code [component.<id>.dependencies]} entry, as Spin parses it (spin v3.6.3 {@code
 * crates/serde/src/dependencies.rs}): a plain kebab-case name ({@code foo-bar}), or a package name
 * {@code ns:pkg}, optionally with an interface ({@code ns:pkg/iface}) and a version
 * ({@code @0.1.0}). It says which imports of the component the dependency satisfies.
 */
public sealed interface DependencyName extends Comparable<DependencyName> {

    /** {@code foo-bar}: matches the import of that plain name only. */
    record Plain(String name) implements DependencyName {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code ns:pkg[/iface][@version]}. */
    record Package(String namespace, String name, Optional<String> iface, Optional<SemVer> version)
            implements DependencyName {

        /** {@code ns:pkg}, without interface or version. */
        public String packageName() {
            return namespace + ":" + name;
        }

        @Override
        public String toString() {
            return packageName()
                    + iface.map(i -> "/" + i).orElse("")
                    + version.map(v -> "@" + v).orElse("");
        }
    }

    /** Parses as Spin does; the exception's message says what is wrong. */
    static DependencyName parse(String text) {
        if (text.indexOf(':') < 0 && text.indexOf('/') < 0) {
            SpinIds.kebabProblem(text)
                    .ifPresent(
                            p -> {
                                throw new IllegalArgumentException(p);
                            });
            return new Plain(text);
        }
        String name = text;
        Optional<SemVer> version = Optional.empty();
        int at = text.indexOf('@');
        if (at >= 0) {
            name = text.substring(0, at);
            version = Optional.of(SemVer.parse(text.substring(at + 1)));
        }
        Optional<String> iface = Optional.empty();
        int slash = name.indexOf('/');
        if (slash >= 0) {
            String interfaceName = name.substring(slash + 1);
            SpinIds.kebabProblem(interfaceName)
                    .ifPresent(
                            p -> {
                                throw new IllegalArgumentException(p);
                            });
            iface = Optional.of(interfaceName);
            name = name.substring(0, slash);
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("missing expected ':'");
        }
        String namespace = name.substring(0, colon);
        String pkg = name.substring(colon + 1);
        for (String label : new String[] {namespace, pkg}) {
            SpinIds.labelProblem(label)
                    .ifPresent(
                            p -> {
                                throw new IllegalArgumentException(p);
                            });
        }
        return new Package(namespace, pkg, iface, version);
    }

    /**
     * The name Spin registers the dependency's component under in its composition graph: the
     * package name without interface or version, or the plain name (spin v3.6.3 {@code
     * crates/compose/src/lib.rs}, {@code register_dependency}). Two dependencies of one component
     * with the same key cannot both be registered.
     */
    default String registrationKey() {
        return this instanceof Package p ? p.packageName() : ((Plain) this).name();
    }

    /**
     * Whether this dependency satisfies the import {@code importName} (spin v3.6.3 {@code
     * crates/compose/src/lib.rs}, {@code matches_import}): plain names match equal plain names; a
     * package name matches every import of that package, narrowed by its interface and version when
     * it has them.
     *
     * @throws IllegalArgumentException when {@code importName} is not a valid import name
     */
    default boolean matchesImport(String importName) {
        ImportName parsed = ImportName.parse(importName);
        if (this instanceof Plain plain) {
            return parsed.pkg().isEmpty() && parsed.name().equals(plain.name());
        }
        Package p = (Package) this;
        if (parsed.pkg().isEmpty() || !parsed.pkg().get().equals(p.packageName())) {
            return false;
        }
        if (p.iface().isPresent() && !p.iface().get().equals(parsed.name())) {
            return false;
        }
        return p.version().isEmpty() || p.version().equals(parsed.version());
    }

    /**
     * Spin's order of dependency names (the locked component keeps them in a BTreeMap, so compose
     * visits them in this order): plain names first, then packages by namespace, name, interface,
     * version, an absent interface or version first.
     */
    @Override
    default int compareTo(DependencyName other) {
        return ORDER.compare(this, other);
    }

    Comparator<DependencyName> ORDER =
            Comparator.<DependencyName, Boolean>comparing(n -> n instanceof Package)
                    .thenComparing(
                            n -> n instanceof Plain plain ? plain.name() : "",
                            Comparator.naturalOrder())
                    .thenComparing(
                            n -> n instanceof Package p ? p.namespace() : "",
                            Comparator.naturalOrder())
                    .thenComparing(
                            n -> n instanceof Package p ? p.name() : "", Comparator.naturalOrder())
                    .thenComparing(
                            n -> n instanceof Package p ? p.iface() : Optional.<String>empty(),
                            Comparator.comparing(
                                    (Optional<String> o) -> o.orElse(null),
                                    Comparator.nullsFirst(Comparator.naturalOrder())))
                    .thenComparing(
                            n -> n instanceof Package p ? p.version() : Optional.<SemVer>empty(),
                            Comparator.comparing(
                                    (Optional<SemVer> o) -> o.orElse(null),
                                    Comparator.nullsFirst(Comparator.naturalOrder())));

    /**
     * A component import name as Spin's composer reads it: {@code ns:pkg/iface[@version]} or a
     * plain name.
     */
    record ImportName(Optional<String> pkg, String name, Optional<SemVer> version) {

        static ImportName parse(String importName) {
            if (importName.indexOf(':') < 0 && importName.indexOf('/') < 0) {
                SpinIds.kebabProblem(importName)
                        .ifPresent(
                                p -> {
                                    throw new IllegalArgumentException(
                                            "invalid import name " + importName + ": " + p);
                                });
                return new ImportName(Optional.empty(), importName, Optional.empty());
            }
            int slash = importName.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("invalid import name: " + importName);
            }
            String rest = importName.substring(slash + 1);
            int at = rest.indexOf('@');
            Optional<SemVer> version = Optional.empty();
            if (at >= 0) {
                try {
                    version = Optional.of(SemVer.parse(rest.substring(at + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "invalid version in import name: " + importName, e);
                }
                rest = rest.substring(0, at);
            }
            return new ImportName(Optional.of(importName.substring(0, slash)), rest, version);
        }
    }
}
