package dev.spinmixed.host.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Spin manifest v2 into a {@link Manifest}. Every field Spin defines is either used,
 * reported as a warning (valid for Spin, but this host ignores it), or refused with an error naming
 * the file and field; a field Spin does not define is an error, as in Spin.
 */
public final class ManifestLoader {

    private static final Pattern KEBAB_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z](_?[a-z0-9])*");

    private final Path file;
    private final List<String> warnings = new ArrayList<>();

    private ManifestLoader(Path file) {
        this.file = file;
    }

    public static Manifest load(Path file) {
        return new ManifestLoader(file).read();
    }

    private Manifest read() {
        if (!Files.isRegularFile(file)) {
            throw new ManifestException(
                    file
                            + ": no such manifest (the built app's is apps/target/oci/spin.toml: "
                            + "./run up builds it, or ./mvnw -B -pl apps -am package)");
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read manifest: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw error("", "the manifest is empty");
        }
        onlyFields(
                root,
                "",
                Set.of(
                        "spin_manifest_version",
                        "application",
                        "variables",
                        "trigger",
                        "component"));
        JsonNode version = root.get("spin_manifest_version");
        if (version == null || !version.canConvertToInt() || version.asInt() != 2) {
            throw error(
                    "spin_manifest_version",
                    "must be 2 (manifest v1 is not supported; see"
                            + " https://spinframework.dev/manifest-reference)");
        }

        JsonNode application = required(root, "application", "");
        onlyFields(
                application,
                "application",
                Set.of("name", "version", "description", "authors", "targets", "trigger", "tool"));
        String name = string(required(application, "name", "application"), "application.name");
        String appVersion = optionalString(application, "version", "application").orElse("");
        ignoredIfPresent(application, "application", "targets");
        Optional<String> redisAddress = applicationTriggers(application.get("trigger"));

        Map<String, Variable> variables = variables(root.get("variables"));
        Map<String, ComponentConfig> components = components(root.get("component"));
        List<HttpTrigger> http = new ArrayList<>();
        List<RedisTrigger> redis = new ArrayList<>();
        triggers(root.get("trigger"), http, redis);

        Manifest manifest =
                new Manifest(
                        file,
                        name,
                        appVersion,
                        variables,
                        components,
                        http,
                        redis,
                        redisAddress,
                        warnings);
        crossCheck(manifest);
        return manifest;
    }

    private Optional<String> applicationTriggers(JsonNode triggers) {
        if (triggers == null) {
            return Optional.empty();
        }
        table(triggers, "application.trigger");
        Optional<String> address = Optional.empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = triggers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "application.trigger." + e.getKey();
            switch (e.getKey()) {
                case "redis" -> {
                    onlyFields(e.getValue(), where, Set.of("address"));
                    address =
                            Optional.of(
                                    string(
                                            required(e.getValue(), "address", where),
                                            where + ".address"));
                }
                case "http" -> {
                    onlyFields(e.getValue(), where, Set.of("base"));
                    httpBase(e.getValue().get("base"), where + ".base");
                }
                default ->
                        throw error(
                                where,
                                "trigger type '"
                                        + e.getKey()
                                        + "' is not supported (this host runs http and redis"
                                        + " triggers)");
            }
        }
        return address;
    }

    /**
     * Spin 3.6.3 {@code crates/trigger-http/src/lib.rs} ({@code validate_app}): a base of {@code /}
     * is accepted with a warning; any other base is refused.
     */
    private void httpBase(JsonNode base, String where) {
        if (base == null) {
            return;
        }
        if (!string(base, where).equals("/")) {
            throw error(
                    where,
                    "This application is using the deprecated trigger 'base' field. The base must"
                            + " be prepended to each [[trigger.http]]'s 'route'.");
        }
        warnings.add(
                where
                        + ": This application has the deprecated trigger 'base' set to the default"
                        + " value '/'. This may be an error in the future!");
    }

    private Map<String, Variable> variables(JsonNode node) {
        Map<String, Variable> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        table(node, "variables");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "variables." + e.getKey();
            if (!VARIABLE_NAME.matcher(e.getKey()).matches()) {
                throw error(
                        where,
                        "a variable name must be lower_snake_case (lower-case letters, digits,"
                                + " single underscores)");
            }
            JsonNode v = table(e.getValue(), where);
            onlyFields(v, where, Set.of("default", "required", "secret", "description"));
            Optional<String> def = optionalString(v, "default", where);
            boolean required = bool(v, "required", where);
            if (required == def.isPresent()) {
                throw error(
                        where,
                        "a variable must have either a default or required = true, not both or"
                                + " neither");
            }
            out.put(e.getKey(), new Variable(e.getKey(), def, required, bool(v, "secret", where)));
        }
        return out;
    }

    private Map<String, ComponentConfig> components(JsonNode node) {
        Map<String, ComponentConfig> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        table(node, "component");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            String where = "component." + id;
            if (!KEBAB_ID.matcher(id).matches()) {
                throw error(where, "a component id must be kebab-case");
            }
            out.put(id, component(id, table(e.getValue(), where), where));
        }
        return out;
    }

    private ComponentConfig component(String id, JsonNode c, String where) {
        onlyFields(
                c,
                where,
                Set.of(
                        "source",
                        "description",
                        "variables",
                        "environment",
                        "files",
                        "exclude_files",
                        "allowed_http_hosts",
                        "allowed_outbound_hosts",
                        "key_value_stores",
                        "sqlite_databases",
                        "ai_models",
                        "targets",
                        "build",
                        "tool",
                        "dependencies_inherit_configuration",
                        "dependencies",
                        "profile"));
        JsonNode source = required(c, "source", where);
        if (!source.isTextual()) {
            throw error(
                    where + ".source",
                    "only a local file path is supported (not a URL or registry package)");
        }
        if (c.has("allowed_http_hosts")) {
            throw error(
                    where + ".allowed_http_hosts",
                    "is the deprecated Spin 1 field; use allowed_outbound_hosts");
        }
        for (String unsupported :
                List.of("files", "key_value_stores", "sqlite_databases", "ai_models")) {
            JsonNode v = c.get(unsupported);
            if (v != null && !(v.isArray() && v.isEmpty())) {
                throw error(where + "." + unsupported, "is not supported by this host");
            }
        }
        ignoredIfPresent(c, where, "exclude_files");
        ignoredIfPresent(c, where, "targets");
        ignoredIfPresent(c, where, "profile");
        ignoredIfPresent(c, where, "dependencies_inherit_configuration");
        Map<String, String> environment = stringMap(c.get("environment"), where + ".environment");
        if (!environment.isEmpty()) {
            warnings.add(
                    file
                            + ": "
                            + where
                            + ".environment is not passed to the guest by this host (its WASI grant"
                            + " has no environment variables)");
        }
        Map<String, String> variables = stringMap(c.get("variables"), where + ".variables");
        for (String key : variables.keySet()) {
            if (!VARIABLE_NAME.matcher(key).matches()) {
                throw error(
                        where + ".variables." + key, "a variable name must be lower_snake_case");
            }
        }
        return new ComponentConfig(
                id,
                source.asText(),
                dependencies(c.get("dependencies"), where + ".dependencies"),
                stringList(c.get("allowed_outbound_hosts"), where + ".allowed_outbound_hosts"),
                environment,
                variables);
    }

    private Map<String, Dependency> dependencies(JsonNode node, String where) {
        Map<String, Dependency> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        table(node, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = where + ".\"" + e.getKey() + "\"";
            if (!e.getValue().isObject()) {
                throw error(
                        at,
                        "registry package dependencies are not supported; use { component = \"...\""
                                + " } or { path = \"...\" }");
            }
            JsonNode d = e.getValue();
            onlyFields(
                    d,
                    at,
                    Set.of(
                            "component",
                            "path",
                            "export",
                            "inherit_configuration",
                            "url",
                            "digest",
                            "package",
                            "version",
                            "registry"));
            for (String unsupported :
                    List.of("export", "url", "digest", "package", "version", "registry")) {
                if (d.has(unsupported)) {
                    throw error(
                            at + "." + unsupported,
                            "is not supported; use { component = \"...\" } or { path = \"...\" }");
                }
            }
            ignoredIfPresent(d, at, "inherit_configuration");
            if (d.has("component") == d.has("path")) {
                throw error(at, "needs exactly one of component = \"...\" or path = \"...\"");
            }
            out.put(
                    e.getKey(),
                    d.has("component")
                            ? new Dependency.AppComponent(
                                    string(d.get("component"), at + ".component"))
                            : new Dependency.LocalPath(
                                    file.toAbsolutePath()
                                            .getParent()
                                            .resolve(string(d.get("path"), at + ".path"))));
        }
        return out;
    }

    private void triggers(JsonNode node, List<HttpTrigger> http, List<RedisTrigger> redis) {
        if (node == null) {
            return;
        }
        table(node, "trigger");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey();
            if (!e.getValue().isArray()) {
                throw error(
                        "trigger." + type, "must be an array of tables ([[trigger." + type + "]])");
            }
            int index = 0;
            for (JsonNode t : e.getValue()) {
                String where = "trigger." + type + "[" + index++ + "]";
                table(t, where);
                switch (type) {
                    case "http" -> http.add(httpTrigger(t, where));
                    case "redis" -> redis.add(redisTrigger(t, where));
                    default ->
                            throw error(
                                    where,
                                    "trigger type '"
                                            + type
                                            + "' is not supported (this host runs http and redis"
                                            + " triggers)");
                }
            }
        }
    }

    private HttpTrigger httpTrigger(JsonNode t, String where) {
        onlyFields(t, where, Set.of("id", "route", "component", "executor", "static_response"));
        if (t.has("static_response")) {
            throw error(where + ".static_response", "is not supported by this host");
        }
        JsonNode executor = t.get("executor");
        if (executor != null) {
            JsonNode type = executor.get("type");
            if (type == null || !"spin".equals(type.asText())) {
                throw error(where + ".executor", "only the spin executor is supported");
            }
        }
        JsonNode route = required(t, "route", where);
        Optional<String> path;
        if (route.isTextual()) {
            path = Optional.of(route.asText());
        } else if (route.isObject()) {
            onlyFields(route, where + ".route", Set.of("private"));
            if (!route.path("private").asBoolean(false)) {
                throw error(where + ".route", "must be a string pattern or { private = true }");
            }
            path = Optional.empty();
        } else {
            throw error(where + ".route", "must be a string pattern or { private = true }");
        }
        return new HttpTrigger(path, componentReference(t, where));
    }

    private RedisTrigger redisTrigger(JsonNode t, String where) {
        onlyFields(t, where, Set.of("id", "channel", "component", "address"));
        return new RedisTrigger(
                string(required(t, "channel", where), where + ".channel"),
                componentReference(t, where),
                optionalString(t, "address", where));
    }

    private String componentReference(JsonNode t, String where) {
        JsonNode c = required(t, "component", where);
        if (!c.isTextual()) {
            throw error(
                    where + ".component",
                    "inline components are not supported; declare [component.<id>] and name it"
                            + " here");
        }
        return c.asText();
    }

    private void crossCheck(Manifest m) {
        m.httpTriggers()
                .forEach(
                        t ->
                                componentExists(
                                        m,
                                        t.component(),
                                        "trigger.http (route "
                                                + t.route().orElse("private")
                                                + ")"));
        m.redisTriggers()
                .forEach(
                        t ->
                                componentExists(
                                        m,
                                        t.component(),
                                        "trigger.redis (channel " + t.channel() + ")"));
        m.redisTriggers()
                .forEach(
                        t -> {
                            checkTemplate(m, t.channel(), "trigger.redis.channel");
                            t.address()
                                    .ifPresent(a -> checkTemplate(m, a, "trigger.redis.address"));
                        });
        m.redisAddress().ifPresent(a -> checkTemplate(m, a, "application.trigger.redis.address"));
        if (!m.redisTriggers().isEmpty()
                && m.redisAddress().isEmpty()
                && m.redisTriggers().stream().anyMatch(t -> t.address().isEmpty())) {
            throw error(
                    "application.trigger.redis.address",
                    "is needed: a [[trigger.redis]] has no address of its own");
        }
        for (ComponentConfig c : m.components().values()) {
            String where = "component." + c.id();
            c.variables()
                    .forEach(
                            (key, template) ->
                                    checkTemplate(m, template, where + ".variables." + key));
            c.allowedOutboundHosts()
                    .forEach(h -> checkTemplate(m, h, where + ".allowed_outbound_hosts"));
            c.dependencies()
                    .forEach(
                            (name, dep) -> {
                                if (dep instanceof Dependency.AppComponent ac) {
                                    componentExists(
                                            m,
                                            ac.component(),
                                            where + ".dependencies.\"" + name + "\"");
                                    if (ac.component().equals(c.id())) {
                                        throw error(
                                                where + ".dependencies.\"" + name + "\"",
                                                "a component cannot depend on itself");
                                    }
                                    ComponentConfig target = m.components().get(ac.component());
                                    if (!target.variables().isEmpty()
                                            || !target.allowedOutboundHosts().isEmpty()
                                            || !target.dependencies().isEmpty()) {
                                        throw error(
                                                "component." + target.id(),
                                                "is used as a dependency of '"
                                                        + c.id()
                                                        + "', so it may not declare variables,"
                                                        + " allowed_outbound_hosts or dependencies"
                                                        + " of its own (Spin's rule)");
                                    }
                                }
                            });
        }
    }

    private void componentExists(Manifest m, String id, String where) {
        if (!m.components().containsKey(id)) {
            throw error(
                    where,
                    "names component '"
                            + id
                            + "', which is not declared as [component."
                            + id
                            + "]");
        }
    }

    private void checkTemplate(Manifest m, String text, String where) {
        Template t;
        try {
            t = Template.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(where, e.getMessage());
        }
        for (String ref : t.references()) {
            if (!m.variables().containsKey(ref)) {
                throw error(
                        where,
                        "refers to '{{ " + ref + " }}', but [variables] declares no '" + ref + "'");
            }
        }
    }

    private void onlyFields(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error(
                        where.isEmpty() ? f : where + "." + f,
                        "unknown field (allowed here: "
                                + String.join(", ", new java.util.TreeSet<>(allowed))
                                + ")");
            }
        }
    }

    private void ignoredIfPresent(JsonNode node, String where, String field) {
        if (node.has(field)) {
            warnings.add(
                    file
                            + ": "
                            + where
                            + "."
                            + field
                            + " is valid for Spin but ignored by this host");
        }
    }

    private JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw error(where.isEmpty() ? field : where + "." + field, "is required");
        }
        return v;
    }

    private JsonNode table(JsonNode node, String where) {
        if (!node.isObject()) {
            throw error(where, "must be a table");
        }
        return node;
    }

    private String string(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw error(where, "must be a string");
        }
        return node.asText();
    }

    private Optional<String> optionalString(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        return v == null ? Optional.empty() : Optional.of(string(v, where + "." + field));
    }

    private boolean bool(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw error(where + "." + field, "must be true or false");
        }
        return v.asBoolean();
    }

    private List<String> stringList(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw error(where, "must be an array of strings");
        }
        int i = 0;
        for (JsonNode n : node) {
            out.add(string(n, where + "[" + i++ + "]"));
        }
        return out;
    }

    private Map<String, String> stringMap(JsonNode node, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        table(node, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), string(e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }

    private ManifestException error(String field, String problem) {
        return new ManifestException(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
