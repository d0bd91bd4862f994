package dev.spinmixed.spinapp.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a spin.toml the way Spin 3.6.3 loads one, and refuses what Spin refuses: the schema of
 * {@code crates/manifest/src/schema/v2.rs} with its unknown-field refusals, the normalization of
 * {@code crates/manifest/src/normalize.rs}, the dependency checks of {@code
 * ComponentDependencies::validate}, the variable rule of {@code crates/loader/src/local.rs} and the
 * trigger settings of {@code crates/http/src/config.rs}, {@code crates/trigger-http/src/lib.rs} and
 * {@code crates/trigger-redis/src/lib.rs} (all at spin v3.6.3). Errors name the file and the field;
 * where Spin has a message of its own, the error quotes it.
 */
public final class ManifestReader {

    private static final Set<String> COMPONENT_FIELDS =
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
                    "dependencies");

    private final Path file;
    private final List<String> warnings = new ArrayList<>();

    private ManifestReader(Path file) {
        this.file = file;
    }

    /**
     * Reads, normalizes and checks {@code file}; throws {@link ManifestException} if Spin would.
     */
    public static SpinManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ManifestException(file + ": no such manifest");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read manifest: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** As {@link #read}, for manifest text; {@code file} places relative paths and errors. */
    public static SpinManifest parse(String toml, Path file) {
        return new ManifestReader(file).manifest(toml);
    }

    private SpinManifest manifest(String toml) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (IOException e) {
            throw new ManifestException(file + ": not valid TOML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw error("", "missing field `spin_manifest_version`");
        }
        manifestVersion(root.get("spin_manifest_version"));
        onlyFields(
                root,
                "",
                Set.of(
                        "spin_manifest_version",
                        "application",
                        "variables",
                        "trigger",
                        "component"));
        Application application = application(required(root, "application", ""));
        Map<String, Variable> variables = variables(root.get("variables"));
        Map<String, ManifestComponent> components = components(root.get("component"));
        List<RawTrigger> raw = triggers(required(root, "trigger", ""), components);

        List<Trigger> triggers = normalizeTriggers(raw, components);
        checkDependencies(components);
        SpinManifest manifest =
                new SpinManifest(file, application, variables, triggers, components, warnings);
        crossCheck(manifest);
        return manifest;
    }

    // ---- version, application, variables

    /** spin v3.6.3 {@code crates/manifest/src/lib.rs}, {@code ManifestVersion::detect}. */
    private void manifestVersion(JsonNode version) {
        if (version == null) {
            throw error("", "missing field `spin_manifest_version`");
        }
        if (version.isTextual() && version.asText().equals("1")) {
            throw error(
                    "spin_manifest_version",
                    "manifest v1 is not supported by this project's tools (Spin converts it;"
                            + " write spin_manifest_version = 2, see"
                            + " https://spinframework.dev/manifest-reference)");
        }
        if (!version.isIntegralNumber() || version.asLong() != 2) {
            throw error("spin_manifest_version", "invalid manifest version: " + version);
        }
    }

    private Application application(JsonNode node) {
        table(node, "application");
        onlyFields(
                node,
                "application",
                Set.of("name", "version", "description", "authors", "targets", "trigger", "tool"));
        String name = string(required(node, "name", "application"), "application.name");
        Optional<String> redisAddress = Optional.empty();
        Optional<String> httpBase = Optional.empty();
        List<String> triggerTypes = new ArrayList<>();
        JsonNode settings = node.get("trigger");
        if (settings != null) {
            table(settings, "application.trigger");
            for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "application.trigger." + e.getKey();
                table(e.getValue(), where);
                triggerTypes.add(e.getKey());
                switch (e.getKey()) {
                    case "redis" -> {
                        onlyFields(e.getValue(), where, Set.of("address"));
                        redisAddress =
                                Optional.of(
                                        string(
                                                required(e.getValue(), "address", where),
                                                where + ".address"));
                    }
                    case "http" -> {
                        onlyFields(e.getValue(), where, Set.of("base"));
                        httpBase = optionalString(e.getValue(), "base", where);
                    }
                    default -> {}
                }
            }
        }
        httpBase.ifPresent(this::checkHttpBase);
        return new Application(
                name,
                optionalString(node, "version", "application").orElse(""),
                optionalString(node, "description", "application").orElse(""),
                stringList(node.get("authors"), "application.authors"),
                targets(node.get("targets"), "application.targets").orElse(List.of()),
                triggerTypes,
                redisAddress,
                httpBase,
                tableNames(node.get("tool"), "application.tool"));
    }

    /** spin v3.6.3 {@code crates/trigger-http/src/lib.rs}, {@code HttpTrigger::validate_app}. */
    private void checkHttpBase(String base) {
        if (base.equals("/")) {
            warnings.add(
                    file
                            + ": This application has the deprecated trigger 'base' set to the"
                            + " default value '/'. This may be an error in the future!");
        } else {
            throw error(
                    "application.trigger.http.base",
                    "This application is using the deprecated trigger 'base' field. The base"
                            + " must be prepended to each [[trigger.http]]'s 'route'.");
        }
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
            SpinIds.lowerSnakeProblem(e.getKey())
                    .ifPresent(p -> fail(where, "invalid variable name: " + p));
            JsonNode v = table(e.getValue(), where);
            onlyFields(v, where, Set.of("default", "required", "secret", "description"));
            Optional<String> defaultValue = optionalString(v, "default", where);
            boolean required = bool(v, "required", where);
            if (required == defaultValue.isPresent()) {
                throw error(where, "must be `required` OR have a `default`");
            }
            out.put(
                    e.getKey(),
                    new Variable(
                            e.getKey(),
                            defaultValue,
                            required,
                            bool(v, "secret", where),
                            optionalString(v, "description", where)));
        }
        return out;
    }

    // ---- components

    private Map<String, ManifestComponent> components(JsonNode node) {
        Map<String, ManifestComponent> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        table(node, "component");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "component." + e.getKey();
            SpinIds.kebabProblem(e.getKey())
                    .ifPresent(p -> fail(where, "invalid component id: " + p));
            out.put(e.getKey(), component(e.getKey(), e.getValue(), where));
        }
        return out;
    }

    private ManifestComponent component(String id, JsonNode c, String where) {
        table(c, where);
        onlyFields(c, where, COMPONENT_FIELDS);
        Map<String, String> variables = stringMap(c.get("variables"), where + ".variables");
        variables
                .keySet()
                .forEach(
                        key ->
                                SpinIds.lowerSnakeProblem(key)
                                        .ifPresent(
                                                p ->
                                                        fail(
                                                                where + ".variables." + key,
                                                                "invalid variable name: " + p)));
        return new ManifestComponent(
                id,
                source(required(c, "source", where), where + ".source"),
                optionalString(c, "description", where).orElse(""),
                variables,
                stringMap(c.get("environment"), where + ".environment"),
                files(c.get("files"), where + ".files"),
                stringList(c.get("exclude_files"), where + ".exclude_files"),
                stringList(c.get("allowed_http_hosts"), where + ".allowed_http_hosts"),
                stringList(c.get("allowed_outbound_hosts"), where + ".allowed_outbound_hosts"),
                labels(c.get("key_value_stores"), where + ".key_value_stores"),
                labels(c.get("sqlite_databases"), where + ".sqlite_databases"),
                stringList(c.get("ai_models"), where + ".ai_models"),
                targets(c.get("targets"), where + ".targets"),
                build(c.get("build"), where + ".build"),
                tableNames(c.get("tool"), where + ".tool"),
                bool(c, "dependencies_inherit_configuration", where),
                dependencies(c.get("dependencies"), where + ".dependencies"));
    }

    private ComponentSource source(JsonNode node, String where) {
        if (node.isTextual()) {
            return new ComponentSource.LocalFile(node.asText());
        }
        if (!node.isObject()) {
            throw error(where, "must be a path, { url, digest } or { registry, package, version }");
        }
        if (node.has("url")) {
            onlyFields(node, where, Set.of("url", "digest"));
            return new ComponentSource.Remote(
                    string(required(node, "url", where), where + ".url"),
                    string(required(node, "digest", where), where + ".digest"));
        }
        onlyFields(node, where, Set.of("registry", "package", "version"));
        String pkg = string(required(node, "package", where), where + ".package");
        packageRefProblem(pkg).ifPresent(p -> fail(where + ".package", p));
        return new ComponentSource.Registry(
                optionalString(node, "registry", where),
                pkg,
                string(required(node, "version", where), where + ".version"));
    }

    private List<FilesMount> files(JsonNode node, String where) {
        List<FilesMount> out = new ArrayList<>();
        for (JsonNode entry : array(node, where)) {
            String at = where + "[" + out.size() + "]";
            if (entry.isTextual()) {
                out.add(new FilesMount.Pattern(entry.asText()));
            } else {
                table(entry, at);
                onlyFields(entry, at, Set.of("source", "destination"));
                out.add(
                        new FilesMount.Placement(
                                string(required(entry, "source", at), at + ".source"),
                                string(required(entry, "destination", at), at + ".destination")));
            }
        }
        return out;
    }

    /** Store and database labels: kebab-case or snake_case (Spin's {@code kebab_or_snake_case}). */
    private List<String> labels(JsonNode node, String where) {
        List<String> labels = stringList(node, where);
        for (String label : labels) {
            if (SpinIds.kebabProblem(label).isPresent()
                    && SpinIds.snakeProblem(label).isPresent()) {
                throw error(where, "expected kebab-case or snake_case, got \"" + label + "\"");
            }
        }
        return labels;
    }

    private Optional<List<TargetEnvironment>> targets(JsonNode node, String where) {
        if (node == null) {
            return Optional.empty();
        }
        List<TargetEnvironment> out = new ArrayList<>();
        for (JsonNode entry : array(node, where)) {
            String at = where + "[" + out.size() + "]";
            if (entry.isTextual()) {
                out.add(new TargetEnvironment.Named(entry.asText()));
            } else if (table(entry, at).has("path")) {
                onlyFields(entry, at, Set.of("path"));
                out.add(new TargetEnvironment.File(string(entry.get("path"), at + ".path")));
            } else {
                onlyFields(entry, at, Set.of("registry", "id"));
                out.add(
                        new TargetEnvironment.InRegistry(
                                string(required(entry, "registry", at), at + ".registry"),
                                string(required(entry, "id", at), at + ".id")));
            }
        }
        return Optional.of(out);
    }

    private Optional<ComponentBuild> build(JsonNode node, String where) {
        if (node == null) {
            return Optional.empty();
        }
        table(node, where);
        onlyFields(node, where, Set.of("command", "workdir", "watch"));
        JsonNode command = required(node, "command", where);
        List<String> commands =
                command.isTextual()
                        ? List.of(command.asText())
                        : stringList(command, where + ".command");
        return Optional.of(
                new ComponentBuild(
                        commands,
                        optionalString(node, "workdir", where),
                        stringList(node.get("watch"), where + ".watch")));
    }

    /**
     * The dependency forms of spin v3.6.3 {@code ComponentDependency}, tried in Spin's order (an
     * untagged enum whose variants deny unknown fields): a version string, {@code { version, ...}},
     * {@code { path, ...}}, {@code { url, digest, ...}}, {@code { component, ...}}.
     */
    private Map<DependencyName, ComponentDependency> dependencies(JsonNode node, String where) {
        Map<DependencyName, ComponentDependency> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        table(node, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = where + ".\"" + e.getKey() + "\"";
            DependencyName name;
            try {
                name = DependencyName.parse(e.getKey());
            } catch (IllegalArgumentException x) {
                throw error(at, "invalid dependency name: " + x.getMessage());
            }
            out.put(name, dependency(e.getValue(), at));
        }
        return out;
    }

    private ComponentDependency dependency(JsonNode d, String at) {
        if (d.isTextual()) {
            return new ComponentDependency.VersionConstraint(d.asText());
        }
        if (d.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            d.fieldNames().forEachRemaining(fields::add);
            if (d.has("version")
                    && Set.of("version", "registry", "package", "export").containsAll(fields)) {
                return new ComponentDependency.RegistryPackage(
                        string(d.get("version"), at + ".version"),
                        optionalString(d, "registry", at),
                        optionalString(d, "package", at),
                        optionalString(d, "export", at));
            }
            if (d.has("path") && Set.of("path", "export").containsAll(fields)) {
                return new ComponentDependency.LocalPath(
                        string(d.get("path"), at + ".path"), optionalString(d, "export", at));
            }
            if (d.has("url")
                    && d.has("digest")
                    && Set.of("url", "digest", "export").containsAll(fields)) {
                return new ComponentDependency.Url(
                        string(d.get("url"), at + ".url"),
                        string(d.get("digest"), at + ".digest"),
                        optionalString(d, "export", at));
            }
            if (d.has("component") && Set.of("component", "export").containsAll(fields)) {
                String component = string(d.get("component"), at + ".component");
                SpinIds.kebabProblem(component)
                        .ifPresent(p -> fail(at + ".component", "invalid component id: " + p));
                return new ComponentDependency.AppComponent(
                        component, optionalString(d, "export", at));
            }
        }
        throw error(
                at,
                "data did not match any variant of untagged enum ComponentDependency (write a"
                        + " version string, { version, registry?, package?, export? }, { path,"
                        + " export? }, { url, digest, export? } or { component, export? })");
    }

    // ---- triggers

    /** A trigger as written, before normalization. */
    private record RawTrigger(
            String type,
            int index,
            Optional<String> id,
            Optional<String> componentReference,
            Optional<JsonNode> inlineComponent,
            JsonNode table) {

        String where() {
            return "trigger." + type + "[" + index + "]";
        }
    }

    private List<RawTrigger> triggers(JsonNode node, Map<String, ManifestComponent> components) {
        table(node, "trigger");
        List<RawTrigger> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey();
            if (!e.getValue().isArray()) {
                throw error(
                        "trigger." + type, "must be an array of tables ([[trigger." + type + "]])");
            }
            int index = 0;
            for (JsonNode t : e.getValue()) {
                String where = "trigger." + type + "[" + index + "]";
                table(t, where);
                if (t.has("components") && !t.get("components").isEmpty()) {
                    throw error(
                            where + ".components",
                            "is reserved for future use by Spin and not supported here");
                }
                Optional<String> reference = Optional.empty();
                Optional<JsonNode> inline = Optional.empty();
                JsonNode component = t.get("component");
                if (component != null && component.isTextual()) {
                    SpinIds.kebabProblem(component.asText())
                            .ifPresent(
                                    p -> fail(where + ".component", "invalid component id: " + p));
                    reference = Optional.of(component.asText());
                } else if (component != null) {
                    inline = Optional.of(table(component, where + ".component"));
                }
                out.add(
                        new RawTrigger(
                                type,
                                index++,
                                optionalString(t, "id", where).filter(id -> !id.isEmpty()),
                                reference,
                                inline,
                                t));
            }
        }
        return out;
    }

    /**
     * Spin's normalization (spin v3.6.3 {@code crates/manifest/src/normalize.rs}): a trigger
     * without an id gets {@code <component>-<type>-trigger} or {@code <type>-trigger<n>}; then an
     * inline component becomes {@code [component.<trigger id>-component]} (or {@code
     * inline-component<n>}); then each trigger's settings are read by its type.
     */
    private List<Trigger> normalizeTriggers(
            List<RawTrigger> raw, Map<String, ManifestComponent> components) {
        Set<String> ids = new LinkedHashSet<>();
        raw.forEach(t -> t.id().ifPresent(ids::add));
        List<String> assigned = new ArrayList<>();
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (RawTrigger t : raw) {
            if (t.id().isPresent()) {
                assigned.add(t.id().get());
                continue;
            }
            Optional<String> natural =
                    t.componentReference().map(c -> c + "-" + t.type() + "-trigger");
            if (natural.isPresent() && ids.add(natural.get())) {
                assigned.add(natural.get());
                continue;
            }
            int counter = counters.getOrDefault(t.type(), 1);
            String id;
            do {
                id = t.type() + "-trigger" + counter++;
            } while (!ids.add(id));
            counters.put(t.type(), counter);
            assigned.add(id);
        }
        List<Trigger> out = new ArrayList<>();
        int inlineCounter = 1;
        for (int i = 0; i < raw.size(); i++) {
            RawTrigger t = raw.get(i);
            String id = assigned.get(i);
            Optional<String> component = t.componentReference();
            if (t.inlineComponent().isPresent()) {
                String natural = id + "-component";
                String inlineId;
                if (SpinIds.kebabProblem(natural).isEmpty() && !components.containsKey(natural)) {
                    inlineId = natural;
                } else {
                    do {
                        inlineId = "inline-component" + inlineCounter++;
                    } while (components.containsKey(inlineId));
                }
                components.put(
                        inlineId,
                        component(inlineId, t.inlineComponent().get(), t.where() + ".component"));
                component = Optional.of(inlineId);
            }
            out.add(typed(t, id, component));
        }
        return out;
    }

    private Trigger typed(RawTrigger t, String id, Optional<String> component) {
        JsonNode table = t.table();
        String where = t.where();
        switch (t.type()) {
            case "http" -> {
                onlyFields(
                        table,
                        where,
                        Set.of(
                                "id",
                                "component",
                                "components",
                                "route",
                                "static_response",
                                "executor"));
                Optional<Trigger.StaticResponse> staticResponse =
                        Optional.ofNullable(table.get("static_response"))
                                .map(s -> staticResponse(s, where + ".static_response"));
                if (component.isPresent() == staticResponse.isPresent()) {
                    throw error(
                            where,
                            "Triggers must specify either component or static_response - "
                                    + id
                                    + " has "
                                    + (component.isPresent() ? "both" : "neither"));
                }
                return new Trigger.HttpTrigger(
                        id,
                        component,
                        route(required(table, "route", where), where + ".route"),
                        staticResponse,
                        executor(table.get("executor"), where + ".executor"));
            }
            case "redis" -> {
                onlyFields(
                        table,
                        where,
                        Set.of("id", "component", "components", "channel", "address"));
                if (component.isEmpty()) {
                    throw error(where, "missing field `component`");
                }
                return new Trigger.RedisTrigger(
                        id,
                        component,
                        string(required(table, "channel", where), where + ".channel"),
                        optionalString(table, "address", where));
            }
            default -> {
                return new Trigger.OtherTrigger(t.type(), id, component);
            }
        }
    }

    private Trigger.HttpRoute route(JsonNode route, String where) {
        if (route.isTextual()) {
            return new Trigger.HttpRoute.Path(route.asText());
        }
        if (route.isObject()) {
            onlyFields(route, where, Set.of("private"));
            return new Trigger.HttpRoute.Private(bool(required(route, "private", where), where));
        }
        throw error(where, "must be a route string or { private = true }");
    }

    private Trigger.StaticResponse staticResponse(JsonNode node, String where) {
        table(node, where);
        onlyFields(node, where, Set.of("status_code", "headers", "body"));
        JsonNode status = node.get("status_code");
        if (status != null
                && (!status.isIntegralNumber() || status.asInt() < 0 || status.asInt() > 65535)) {
            throw error(where + ".status_code", "must be an HTTP status number");
        }
        return new Trigger.StaticResponse(
                status == null ? 200 : status.asInt(),
                stringMap(node.get("headers"), where + ".headers"),
                optionalString(node, "body", where));
    }

    private Trigger.HttpExecutor executor(JsonNode node, String where) {
        if (node == null) {
            return new Trigger.HttpExecutor.Http();
        }
        table(node, where);
        String type = string(required(node, "type", where), where + ".type");
        switch (type) {
            case "http", "spin" -> {
                onlyFields(node, where, Set.of("type"));
                return new Trigger.HttpExecutor.Http();
            }
            case "wagi" -> {
                onlyFields(node, where, Set.of("type", "entrypoint", "argv"));
                return new Trigger.HttpExecutor.Wagi(
                        optionalString(node, "entrypoint", where).orElse("_start"),
                        optionalString(node, "argv", where).orElse("${SCRIPT_NAME} ${ARGS}"));
            }
            case "wasip3-unstable" -> {
                onlyFields(node, where, Set.of("type"));
                return new Trigger.HttpExecutor.Wasip3Unstable();
            }
            default ->
                    throw error(
                            where + ".type",
                            "unknown variant `"
                                    + type
                                    + "`, expected one of `http`, `spin`, `wagi`,"
                                    + " `wasip3-unstable`");
        }
    }

    // ---- dependencies: normalization and validation

    /**
     * {@code normalize_dependency_component_refs} and {@code ComponentDependencies::validate} of
     * spin v3.6.3, in that order, component by component.
     */
    private void checkDependencies(Map<String, ManifestComponent> components) {
        for (ManifestComponent c : components.values()) {
            for (Map.Entry<DependencyName, ComponentDependency> e : c.dependencies().entrySet()) {
                if (e.getValue() instanceof ComponentDependency.AppComponent ac) {
                    String where = "component." + c.id() + ".dependencies.\"" + e.getKey() + "\"";
                    ManifestComponent target = components.get(ac.component());
                    if (target == null) {
                        throw error(where, "dependency ID " + ac.component() + " does not exist");
                    }
                    List<String> surprises = target.fieldsADependencyMayNotHave();
                    if (!surprises.isEmpty()) {
                        throw error(
                                where,
                                "Dependencies may not have their own resources or permissions."
                                        + " Component "
                                        + ac.component()
                                        + " cannot be used as a dependency of "
                                        + c.id()
                                        + " because it specifies: "
                                        + String.join(", ", surprises));
                    }
                }
            }
        }
        for (ManifestComponent c : components.values()) {
            String where = "component." + c.id() + ".dependencies";
            String context = "component \"" + c.id() + "\" has invalid dependencies: ";
            for (Map.Entry<DependencyName, ComponentDependency> e : c.dependencies().entrySet()) {
                if (e.getKey() instanceof DependencyName.Plain plain
                        && (e.getValue() instanceof ComponentDependency.VersionConstraint
                                || (e.getValue() instanceof ComponentDependency.RegistryPackage pkg
                                        && pkg.pkg().isEmpty()))) {
                    throw error(
                            where,
                            context
                                    + "dependency \""
                                    + plain.name()
                                    + "\" must specify a package name");
                }
            }
            for (Map.Entry<DependencyName, ComponentDependency> e : c.dependencies().entrySet()) {
                if (e.getKey() instanceof DependencyName.Package p
                        && p.iface().isEmpty()
                        && exportCheckedForPackageName(e.getValue(), components)
                        && e.getValue().export().isPresent()) {
                    throw error(
                            where,
                            context
                                    + "using an export to satisfy the package dependency \""
                                    + p
                                    + "\" is not currently permitted");
                }
            }
            List<DependencyName> names = new ArrayList<>(c.dependencies().keySet());
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    if (names.get(i) instanceof DependencyName.Package a
                            && names.get(j) instanceof DependencyName.Package b
                            && a.packageName().equals(b.packageName())
                            && !disjoint(a, b)) {
                        throw error(
                                where,
                                context
                                        + "\""
                                        + a
                                        + "\" dependency conflicts with \""
                                        + b
                                        + "\" (two dependencies of one package need different"
                                        + " interfaces or incompatible versions)");
                    }
                }
            }
        }
    }

    /**
     * Spin checks the export of package-wide names only on dependencies that are, after
     * normalization, a registry package or a local path ({@code ensure_package_names_no_export}); a
     * {@code { component = ... }} dependency takes the form of that component's source.
     */
    private static boolean exportCheckedForPackageName(
            ComponentDependency d, Map<String, ManifestComponent> components) {
        if (d instanceof ComponentDependency.AppComponent ac) {
            return !(components.get(ac.component()).source() instanceof ComponentSource.Remote);
        }
        return d instanceof ComponentDependency.RegistryPackage
                || d instanceof ComponentDependency.LocalPath;
    }

    /** spin v3.6.3 {@code ComponentDependencies::check_disjoint}. */
    private static boolean disjoint(DependencyName.Package a, DependencyName.Package b) {
        if (a.version().isPresent()
                && b.version().isPresent()
                && !a.version()
                        .get()
                        .compatibilityKey()
                        .equals(b.version().get().compatibilityKey())) {
            return true;
        }
        return a.iface().isPresent() && b.iface().isPresent() && !a.iface().equals(b.iface());
    }

    // ---- references between parts of the manifest

    private void crossCheck(SpinManifest m) {
        for (Trigger t : m.triggers()) {
            t.component()
                    .filter(c -> !m.components().containsKey(c))
                    .ifPresent(
                            c ->
                                    fail(
                                            "trigger." + t.type() + " (id " + t.id() + ")",
                                            "missing component \""
                                                    + c
                                                    + "\" configured for trigger \""
                                                    + t.id()
                                                    + "\""));
        }
        m.redisTriggers()
                .forEach(
                        t -> {
                            checkTemplate(
                                    m, t.channel(), "trigger.redis (id " + t.id() + ").channel");
                            t.address()
                                    .ifPresent(
                                            a ->
                                                    checkTemplate(
                                                            m,
                                                            a,
                                                            "trigger.redis (id "
                                                                    + t.id()
                                                                    + ").address"));
                        });
        m.redisAddress().ifPresent(a -> checkTemplate(m, a, "application.trigger.redis.address"));
        for (ManifestComponent c : m.components().values()) {
            String where = "component." + c.id();
            c.variables()
                    .forEach(
                            (key, template) ->
                                    checkTemplate(m, template, where + ".variables." + key));
            c.allowedOutboundHosts()
                    .forEach(h -> checkTemplate(m, h, where + ".allowed_outbound_hosts"));
        }
    }

    private void checkTemplate(SpinManifest m, String text, String where) {
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
                        "unknown variable \""
                                + ref
                                + "\": '{{ "
                                + ref
                                + " }}' names no variable of [variables]");
            }
        }
    }

    /**
     * A package reference {@code ns:name}, as wasm-pkg-common 0.11 {@code PackageRef} parses it.
     */
    private static Optional<String> packageRefProblem(String ref) {
        int colon = ref.indexOf(':');
        if (colon < 0) {
            return Optional.of("invalid package reference: missing expected ':'");
        }
        return SpinIds.labelProblem(ref.substring(0, colon))
                .or(() -> SpinIds.labelProblem(ref.substring(colon + 1)));
    }

    // ---- TOML value helpers

    private void onlyFields(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error(
                        where.isEmpty() ? f : where + "." + f,
                        "unknown field `"
                                + f
                                + "` (Spin allows here: "
                                + String.join(", ", new TreeSet<>(allowed))
                                + ")");
            }
        }
    }

    private JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw error(where, "missing field `" + field + "`");
        }
        return v;
    }

    private JsonNode table(JsonNode node, String where) {
        if (!node.isObject()) {
            throw error(where, "must be a table");
        }
        return node;
    }

    private List<JsonNode> array(JsonNode node, String where) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw error(where, "must be an array");
        }
        node.forEach(out::add);
        return out;
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
        return v != null && bool(v, where + "." + field);
    }

    private boolean bool(JsonNode v, String where) {
        if (!v.isBoolean()) {
            throw error(where, "must be true or false");
        }
        return v.asBoolean();
    }

    private List<String> stringList(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(node, where)) {
            out.add(string(n, where + "[" + out.size() + "]"));
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

    /** The names of a map of tables ({@code tool}): Spin ignores their contents. */
    private List<String> tableNames(JsonNode node, String where) {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        table(node, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            table(e.getValue(), where + "." + e.getKey());
            names.add(e.getKey());
        }
        return names;
    }

    private void fail(String field, String problem) {
        throw error(field, problem);
    }

    private ManifestException error(String field, String problem) {
        return new ManifestException(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
