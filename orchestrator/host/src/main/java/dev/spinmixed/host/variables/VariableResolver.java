package dev.spinmixed.host.variables;

import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import dev.spinmixed.spinapp.manifest.Template;
import dev.spinmixed.spinapp.manifest.Variable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Application variable values as Spin resolves them: an override from the environment ({@code
 * SPIN_VARIABLE_<NAME>}, upper-cased) or from the command line wins over the manifest's default; a
 * required variable with neither is an error at load time, not at first use.
 */
public final class VariableResolver {

    /** Spin's variable names; compiled once, as guests ask for config on every request. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z](_?[a-z0-9])*");

    private final SpinManifest manifest;
    private final Map<String, String> values;

    private VariableResolver(SpinManifest manifest, Map<String, String> values) {
        this.manifest = manifest;
        this.values = Map.copyOf(values);
    }

    /**
     * @param environment the process environment (for {@code SPIN_VARIABLE_*})
     * @param overrides values given on the command line; they win over the environment
     */
    public static VariableResolver create(
            SpinManifest manifest, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (Variable v : manifest.variables().values()) {
            String fromOverride = overrides.get(v.name());
            String fromEnv = environment.get(environmentName(v.name()));
            Optional<String> value =
                    Optional.ofNullable(fromOverride)
                            .or(() -> Optional.ofNullable(fromEnv))
                            .or(v::defaultValue);
            if (value.isEmpty()) {
                throw new ManifestException(
                        manifest.file()
                                + ": variable '"
                                + v.name()
                                + "' is required and has no value; set "
                                + environmentName(v.name()));
            }
            values.put(v.name(), value.get());
        }
        for (String name : overrides.keySet()) {
            if (!manifest.variables().containsKey(name)) {
                throw new ManifestException(
                        manifest.file()
                                + ": cannot set variable '"
                                + name
                                + "': the manifest declares no such variable under [variables]");
            }
        }
        return new VariableResolver(manifest, values);
    }

    public static String environmentName(String variable) {
        return "SPIN_VARIABLE_" + variable.toUpperCase(Locale.ROOT);
    }

    /** Renders a template over the application variables (references were checked at load). */
    public String render(String template) {
        return Template.parse(template).render(this::value);
    }

    public String value(String variable) {
        String v = values.get(variable);
        if (v == null) {
            throw new ManifestException(
                    manifest.file() + ": undefined variable '" + variable + "'");
        }
        return v;
    }

    /**
     * Why {@code fermyon:spin/config.get-config} refused a key: Spin's {@code error} case and a
     * message.
     */
    public static final class ConfigException extends Exception {
        private final String errorCase;

        ConfigException(String errorCase, String message) {
            super(message);
            this.errorCase = errorCase;
        }

        /**
         * {@code invalid-key} or {@code provider}, as Spin maps a bad name and an undefined key.
         */
        public String errorCase() {
            return errorCase;
        }
    }

    /**
     * {@code fermyon:spin/config.get-config} for component {@code componentId}: the key must be a
     * valid variable name and one of the component's own {@code variables}.
     */
    public String getConfig(String componentId, String key) throws ConfigException {
        if (!VARIABLE_NAME.matcher(key).matches()) {
            throw new ConfigException(
                    "invalid-key",
                    "\""
                            + key
                            + "\": variable names may contain only lower-case letters, digits and"
                            + " single underscores, start with a letter and end with a letter or"
                            + " digit");
        }
        return componentValue(componentId, key)
                .orElseThrow(
                        () ->
                                new ConfigException(
                                        "provider",
                                        "no variable for component \""
                                                + componentId
                                                + "\" named \""
                                                + key
                                                + "\""));
    }

    /**
     * The value of {@code key} as component {@code componentId} sees it through {@code
     * fermyon:spin/config.get-config}: only the keys of its own {@code variables} table.
     */
    public Optional<String> componentValue(String componentId, String key) {
        String template = manifest.component(componentId).variables().get(key);
        return Optional.ofNullable(template).map(this::render);
    }
}
