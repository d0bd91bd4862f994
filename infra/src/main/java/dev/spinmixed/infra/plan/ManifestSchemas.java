package dev.spinmixed.infra.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.spinmixed.infra.SpinOperatorCrds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON schemas of every Kubernetes object kind the program declares: the built-in kinds from the
 * OpenAPI definitions of the Kubernetes minor the stack deploys, and the custom kinds from their
 * CRDs (spin-operator's SpinApp and SpinAppExecutor, runtime-class-manager's Shim). The schemas are
 * made strict: an object may not carry a field its schema does not define (what {@code kubectl
 * apply --validate=strict} refuses), so a misspelt field fails here rather than being dropped by
 * the API server. Sources and versions: {@code plan/README.md} beside the files.
 */
public final class ManifestSchemas {
    /** The Kubernetes minors whose definitions this jar carries. */
    public static final List<String> KUBERNETES_MINORS = List.of("1.36");

    static final String SHIM_CRD = "runtime.spinkube.dev_shims.yaml";
    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "definitions", "patternProperties");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");
    private static final Set<String> SCHEMA_VALUES = Set.of("items", "additionalProperties", "not");

    private final String kubernetesMinor;

    /** apiVersion + " " + kind -> schema. */
    private final Map<String, Schema> schemas;

    private ManifestSchemas(String kubernetesMinor, Map<String, Schema> schemas) {
        this.kubernetesMinor = kubernetesMinor;
        this.schemas = schemas;
    }

    /**
     * The schemas of Kubernetes {@code kubernetesVersion} ({@code major.minor}, or {@code
     * major.minor.patch} whose patch does not change the API); refuses a minor without bundled
     * definitions, since validating against another version's API proves nothing.
     */
    public static ManifestSchemas forKubernetes(String kubernetesVersion) {
        String minor = minorOf(kubernetesVersion);
        if (!KUBERNETES_MINORS.contains(minor)) {
            throw new IllegalArgumentException(
                    "the offline plan has no schema for Kubernetes "
                            + minor
                            + " (bundled: "
                            + String.join(", ", KUBERNETES_MINORS)
                            + "); add that release's OpenAPI definitions as"
                            + " infra/src/main/resources/dev/spinmixed/infra/plan/README.md"
                            + " describes");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Map<String, Schema> schemas = new TreeMap<>();
        addKubernetesKinds(registry, schemas, "kubernetes-" + minor + "-definitions.json");
        List<Map<String, Object>> crds = new ArrayList<>(SpinOperatorCrds.load());
        crds.add(readYaml(SHIM_CRD));
        ObjectMapper json = new ObjectMapper();
        for (Map<String, Object> crd : crds) {
            JsonNode spec = json.valueToTree(crd).path("spec");
            for (JsonNode version : spec.path("versions")) {
                ObjectNode schema =
                        (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
                strict(schema);
                schema.put("$schema", SpecificationVersion.DRAFT_7.getDialectId());
                String apiVersion =
                        spec.path("group").asText() + "/" + version.path("name").asText();
                String kind = spec.path("names").path("kind").asText();
                schemas.put(
                        key(apiVersion, kind),
                        registry.getSchema(location(apiVersion, kind), schema));
            }
        }
        return new ManifestSchemas(minor, schemas);
    }

    static String minorOf(String kubernetesVersion) {
        String[] parts = kubernetesVersion.split("\\.");
        return parts.length < 2 ? kubernetesVersion : parts[0] + "." + parts[1];
    }

    /** The Kubernetes minor whose built-in kinds these schemas check. */
    public String kubernetesMinor() {
        return kubernetesMinor;
    }

    /** The kinds with a schema, as {@code apiVersion kind}. */
    public Set<String> kinds() {
        return schemas.keySet();
    }

    /**
     * Every way {@code object} breaks its kind's schema; a kind without a schema is a problem too.
     */
    public List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Schema schema = schemas.get(key(apiVersion, kind));
        if (schema == null) {
            return List.of(
                    "no schema for apiVersion "
                            + apiVersion
                            + " kind "
                            + kind
                            + " (known: "
                            + kinds()
                            + ")");
        }
        return schema.validate(object).stream().map(Error::toString).toList();
    }

    private static void addKubernetesKinds(
            SchemaRegistry registry, Map<String, Schema> schemas, String file) {
        ObjectNode definitions;
        try (InputStream in = resource(file)) {
            definitions = (ObjectNode) new ObjectMapper().readTree(in).path("definitions");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        // OpenAPI v2 spells int-or-string as a string format; JSON Schema needs both types.
        ObjectNode intOrString = JsonNodeFactory.instance.objectNode();
        intOrString.putArray("type").add("integer").add("string");
        definitions.set(INT_OR_STRING, intOrString);
        definitions.forEach(ManifestSchemas::strict);
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = it.next();
            for (JsonNode gvk : definition.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText();
                String apiVersion =
                        group.isEmpty()
                                ? gvk.path("version").asText()
                                : group + "/" + gvk.path("version").asText();
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("$schema", SpecificationVersion.DRAFT_7.getDialectId());
                root.put("$ref", "#/definitions/" + definition.getKey());
                root.set("definitions", definitions);
                String kind = gvk.path("kind").asText();
                schemas.put(
                        key(apiVersion, kind),
                        registry.getSchema(location(apiVersion, kind), root));
            }
        }
    }

    /**
     * Forbids fields a schema does not define, except where Kubernetes itself keeps unknown fields
     * ({@code x-kubernetes-preserve-unknown-fields}). Walks only schema positions, so a property
     * that happens to be named "properties" is left alone.
     */
    private static void strict(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("properties")
                && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            schema.put("additionalProperties", false);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (SCHEMA_MAPS.contains(field.getKey())) {
                field.getValue().forEach(ManifestSchemas::strict);
            } else if (SCHEMA_LISTS.contains(field.getKey())
                    && field.getValue() instanceof ArrayNode list) {
                list.forEach(ManifestSchemas::strict);
            } else if (SCHEMA_VALUES.contains(field.getKey())) {
                strict(field.getValue());
            }
        }
    }

    /** Each kind's schema is its own document, so the registry never confuses two of them. */
    private static SchemaLocation location(String apiVersion, String kind) {
        return SchemaLocation.of(
                "urn:spinmixed:schema:" + apiVersion.replace('/', ':') + ":" + kind);
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(String name) {
        try (InputStream in = resource(name)) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ManifestSchemas.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(
                    "the infra jar lacks " + name + " (dev/spinmixed/infra/plan/)");
        }
        return in;
    }
}
