package dev.spinmixed.spinapp.compose;

import dev.spinmixed.spinapp.manifest.DependencyName;
import java.util.List;

/**
 * How Spin satisfies one import of a component from one of its dependencies: the import {@code
 * importName} gets the dependency's export {@code exportName}. {@code deniedImports} are the
 * dependency's own imports that Spin's deny-all adapter takes over when the component does not let
 * its dependencies inherit its configuration (see {@link DenyAllAdapter}).
 */
public record DependencyLink(
        String importName,
        DependencyName dependencyName,
        String dependency,
        String exportName,
        boolean inheritsConfiguration,
        List<String> deniedImports) {

    public DependencyLink {
        deniedImports = List.copyOf(deniedImports);
    }
}
