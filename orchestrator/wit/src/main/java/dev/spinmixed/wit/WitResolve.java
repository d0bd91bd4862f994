package dev.spinmixed.wit;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loaded main package with every package it may refer to (its own included), all fully resolved.
 */
public record WitResolve(WitPackage mainPackage, Map<PackageName, WitPackage> packages) {

    private static final Pattern QUALIFIED =
            Pattern.compile("([^:/@]+):([^:/@]+)/([^:/@]+)(?:@(.+))?");

    public WitResolve {
        packages = Map.copyOf(packages);
    }

    /** A world of the main package, or {@code ns:pkg/world[@ver]} of any loaded package. */
    public World world(String name) {
        Matcher qualified = QUALIFIED.matcher(name);
        if (qualified.matches()) {
            return world(packageName(qualified), qualified.group(3));
        }
        return world(mainPackage.name(), name);
    }

    public World world(PackageName pkg, String name) {
        return pkg(pkg).world(name)
                .orElseThrow(
                        () ->
                                new WitException(
                                        "package "
                                                + pkg
                                                + " has no world `"
                                                + name
                                                + "` (worlds: "
                                                + String.join(
                                                        ", ",
                                                        new TreeSet<>(pkg(pkg).worlds().keySet()))
                                                + ")"));
    }

    /**
     * An interface by its qualified name, e.g. {@code fermyon:spin/inbound-http} or {@code
     * acme:pricing/pricing@0.1.0}.
     */
    public Interface iface(String qualifiedName) {
        Matcher qualified = QUALIFIED.matcher(qualifiedName);
        if (!qualified.matches()) {
            throw new WitException(
                    "`"
                            + qualifiedName
                            + "` is not an interface name of the form ns:pkg/iface[@version]");
        }
        PackageName pkg = packageName(qualified);
        String name = qualified.group(3);
        return pkg(pkg).iface(name)
                .orElseThrow(
                        () ->
                                new WitException(
                                        "package "
                                                + pkg
                                                + " has no interface `"
                                                + name
                                                + "` (interfaces: "
                                                + String.join(
                                                        ", ",
                                                        new TreeSet<>(
                                                                pkg(pkg).interfaces().keySet()))
                                                + ")"));
    }

    private WitPackage pkg(PackageName name) {
        WitPackage pkg = packages.get(name);
        if (pkg == null) {
            throw new WitException(
                    "no package `"
                            + name
                            + "` is loaded (packages: "
                            + String.join(
                                    ", ",
                                    new TreeSet<>(
                                            packages.keySet().stream()
                                                    .map(PackageName::toString)
                                                    .toList()))
                            + ")");
        }
        return pkg;
    }

    private static PackageName packageName(Matcher qualified) {
        return new PackageName(
                qualified.group(1), qualified.group(2), Optional.ofNullable(qualified.group(4)));
    }
}
