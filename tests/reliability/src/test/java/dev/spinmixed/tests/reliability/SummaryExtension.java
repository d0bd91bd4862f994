package dev.spinmixed.tests.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class the one {@link Summary} of the run; JUnit closes it (printing and writing
 * it) when the whole run is over, because it lives in the root context's store.
 */
final class SummaryExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Summary.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        Summary.class,
                        k ->
                                new Summary(
                                        Path.of(
                                                System.getProperty(
                                                        "reliability.summary",
                                                        "target/summary.json"))),
                        Summary.class);
    }
}
