package dev.spinmixed.infra.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.spinmixed.infra.AcrTokenExchange;
import dev.spinmixed.infra.App;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.StackConfigFile;
import dev.spinmixed.infra.plan.ProviderMocks.Declared;
import dev.spinmixed.spinapp.ContractViolationException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code pulumi up} would create for a stack, without Pulumi, Azure or a cluster: runs the
 * program (contract gate included) under mocks with the stack file's config, prints the resource
 * tree with key properties, writes every Kubernetes object the program declares as YAML (and each
 * Helm release's chart and values), and checks each object against the schema of its kind ({@link
 * ManifestSchemas}). The secret {@code redisPassword} cannot be read from a stack file, so the plan
 * uses {@link #PLACEHOLDER_REDIS_PASSWORD}, and the written Secrets show no values.
 *
 * <p>Usage, from the repository root: {@code ./run plan [stack] [output dir]}, which runs {@code
 * ./mvnw compile exec:java -DmainClass=dev.spinmixed.infra.plan.OfflinePlan -DmainArgs=...}
 * (defaults: dev, target/plan/&lt;stack&gt;). Exit status 0: planned and valid; 1: a schema
 * violation; 2: the program refused to run (bad config, broken contract) or bad usage.
 */
public final class OfflinePlan {
    /** Not a secret: stands in for the stack's encrypted redisPassword while planning. */
    public static final String PLACEHOLDER_REDIS_PASSWORD = "plan-placeholder-not-a-real-password";

    static final String REDACTED = "<redacted>";
    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    /** One resource of the tree, depth-first, with the properties a reviewer looks at. */
    public record PlannedResource(int depth, String type, String name, String summary) {
        @Override
        public String toString() {
            return "  ".repeat(depth)
                    + "+ "
                    + type
                    + " "
                    + name
                    + (summary.isEmpty() ? "" : "  " + summary);
        }
    }

    /**
     * A Kubernetes object as written to {@code file}, and its schema violations (none, when valid).
     */
    public record PlannedObject(
            String resourceName, Path file, JsonNode object, List<String> violations) {
        public PlannedObject {
            violations = List.copyOf(violations);
        }
    }

    /**
     * The whole plan of one stack, its objects checked against Kubernetes {@code kubernetesMinor}.
     */
    public record Plan(
            String stack,
            String kubernetesMinor,
            List<PlannedResource> tree,
            List<PlannedObject> objects,
            List<Path> helmReleases) {
        public Plan {
            tree = List.copyOf(tree);
            objects = List.copyOf(objects);
            helmReleases = List.copyOf(helmReleases);
        }

        /** Every violation as {@code file: problem}. */
        public List<String> violations() {
            return objects.stream()
                    .flatMap(
                            o ->
                                    o.violations().stream()
                                            .map(v -> o.file().getFileName() + ": " + v))
                    .toList();
        }
    }

    private OfflinePlan() {}

    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath(), System.out, System.err));
    }

    /** The command line: prints the plan to {@code out}, and returns the exit status. */
    public static int run(String[] args, Path projectRoot, PrintStream out, PrintStream err) {
        if (args.length > 2 || (args.length > 0 && args[0].startsWith("-"))) {
            err.println(
                    "usage: OfflinePlan [stack] [output dir]   (defaults: dev,"
                            + " target/plan/<stack>)");
            return 2;
        }
        String stack = args.length > 0 ? args[0] : "dev";
        Path output =
                args.length > 1
                        ? Path.of(args[1])
                        : projectRoot.resolve("target/plan").resolve(stack);
        Plan plan;
        try {
            plan = plan(projectRoot, stack, Map.of(), output);
        } catch (ContractViolationException | IllegalArgumentException | UncheckedIOException e) {
            // IllegalArgumentException includes InvalidSettingException: a bad config value.
            err.println("plan of stack " + stack + " refused: " + e.getMessage());
            return 2;
        }
        out.println(
                "Plan of stack "
                        + stack
                        + " (offline, under mocks; redisPassword is a placeholder):");
        plan.tree().forEach(out::println);
        out.println();
        out.println(
                plan.objects().size()
                        + " Kubernetes objects and "
                        + plan.helmReleases().size()
                        + " Helm releases written to "
                        + output);
        List<String> violations = plan.violations();
        if (violations.isEmpty()) {
            out.println(
                    "Every object is valid against its schema (Kubernetes "
                            + plan.kubernetesMinor()
                            + ", spin-operator and runtime-class-manager CRDs).");
            return 0;
        }
        out.println(violations.size() + " schema violations:");
        violations.forEach(v -> out.println("  " + v));
        return 1;
    }

    /**
     * Plans stack {@code stack} from {@code Pulumi.<stack>.yaml} under {@code projectRoot}, with
     * {@code overrides} laid over its config, and writes the objects under {@code out}.
     */
    public static Plan plan(
            Path projectRoot, String stack, Map<String, String> overrides, Path out) {
        StackConfigFile file =
                StackConfigFile.read(projectRoot.resolve("Pulumi." + stack + ".yaml"));
        Map<String, String> config = new HashMap<>(file.values());
        config.putIfAbsent("redisPassword", PLACEHOLDER_REDIS_PASSWORD);
        config.putAll(overrides);

        ProviderMocks mocks = new ProviderMocks(ProviderMocks.Values.placeholders());
        // Outputs made before a cleanup belong to the previous run's engine: settings come after
        // it.
        PulumiTest.cleanup();
        Settings settings =
                Settings.fromConfig(
                        key -> Optional.ofNullable(config.get(key)), stack, projectRoot);
        // Before the program runs: a plan against another Kubernetes version's API proves nothing.
        ManifestSchemas schemas = ManifestSchemas.forKubernetes(settings.kubernetesVersion());
        // As a preview: nothing is built or pushed, so the program asks for no registry token.
        TestResult result =
                PulumiTest.withMocks(mocks)
                        .withOptions(
                                TestOptions.builder()
                                        .projectName(Settings.PROJECT)
                                        .stackName(stack)
                                        .preview(true)
                                        .build())
                        .runTest(
                                ctx ->
                                        App.declare(
                                                ctx,
                                                settings,
                                                projectRoot,
                                                AcrTokenExchange.overHttps(line -> {})));
        rethrowFirst(result);
        List<Resource> resources = result.resources();

        Map<String, Declared> declared = new HashMap<>();
        mocks.declared().forEach(d -> declared.put(d.type() + " " + d.name(), d));
        List<PlannedResource> tree = new ArrayList<>();
        // Pulumi parents every resource declared without a parent to the stack resource.
        List<Resource> roots = roots(resources);
        List<Resource> stackRoots =
                roots.stream().filter(r -> r.pulumiResourceType().equals(STACK_TYPE)).toList();
        stackRoots.forEach(
                r ->
                        tree.add(
                                new PlannedResource(
                                        0, r.pulumiResourceType(), r.pulumiResourceName(), "")));
        int depth = stackRoots.isEmpty() ? 0 : 1;
        roots.stream()
                .filter(r -> !stackRoots.contains(r))
                .forEach(root -> walk(root, depth, declared, tree));
        return write(stack, schemas, tree, mocks.declared(), out);
    }

    private static Plan write(
            String stack,
            ManifestSchemas schemas,
            List<PlannedResource> tree,
            List<Declared> declared,
            Path out) {
        ObjectMapper yaml =
                new ObjectMapper(
                        new YAMLFactory()
                                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                                // "1" (a CPU quantity) must read back as the string it is, not as a
                                // number.
                                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        Path objectsDir = out.resolve("objects");
        Path releasesDir = out.resolve("helm-releases");
        deleteRecursively(objectsDir);
        deleteRecursively(releasesDir);
        List<PlannedObject> objects = new ArrayList<>();
        List<Path> releases = new ArrayList<>();
        try {
            Files.createDirectories(objectsDir);
            Files.createDirectories(releasesDir);
            for (Declared d : declared) {
                if (d.type().equals("kubernetes:helm.sh/v3:Release")) {
                    Path file = releasesDir.resolve(d.name() + ".yaml");
                    yaml.writeValue(
                            file.toFile(), normalize(new ObjectMapper().valueToTree(d.inputs())));
                    releases.add(file);
                } else if (KubernetesType.isObject(d.type())) {
                    ObjectNode object = kubernetesObject(d);
                    Path file = objectsDir.resolve(fileName(object));
                    yaml.writeValue(file.toFile(), object);
                    objects.add(
                            new PlannedObject(d.name(), file, object, schemas.validate(object)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan under " + out, e);
        }
        return new Plan(stack, schemas.kubernetesMinor(), tree, objects, releases);
    }

    /**
     * apiVersion and kind from the type token first, then the inputs; Secret values never leave the
     * plan.
     */
    static ObjectNode kubernetesObject(Declared d) {
        KubernetesType type = KubernetesType.of(d.type());
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", type.apiVersion());
        object.put("kind", type.kind());
        ObjectNode inputs = (ObjectNode) normalize(new ObjectMapper().valueToTree(d.inputs()));
        inputs.remove("apiVersion");
        inputs.remove("kind");
        object.setAll(inputs);
        if (type.kind().equals("Secret")) {
            for (String field : List.of("data", "stringData")) {
                if (object.get(field) instanceof ObjectNode values) {
                    values.fieldNames().forEachRemaining(key -> values.put(key, REDACTED));
                }
            }
        }
        return object;
    }

    /** The engine hands numbers over as doubles; Kubernetes integers must stay integers. */
    static JsonNode normalize(JsonNode node) {
        if (node.isDouble() && node.doubleValue() == Math.rint(node.doubleValue())) {
            long value = node.longValue();
            // The narrowest node, as a YAML or JSON reader would build it.
            return value == (int) value
                    ? JsonNodeFactory.instance.numberNode((int) value)
                    : JsonNodeFactory.instance.numberNode(value);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(e -> copy.set(e.getKey(), normalize(e.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(normalize(element)));
            return copy;
        }
        return node;
    }

    private static String fileName(ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("cluster");
        return (object.path("kind").asText()
                                + "_"
                                + namespace
                                + "_"
                                + metadata.path("name").asText())
                        .toLowerCase(Locale.ROOT)
                + ".yaml";
    }

    private static List<Resource> roots(List<Resource> resources) {
        Set<Resource> children = new HashSet<>();
        resources.forEach(r -> children.addAll(r.pulumiChildResources()));
        return resources.stream().filter(r -> !children.contains(r)).sorted(ORDER).toList();
    }

    private static final Comparator<Resource> ORDER =
            Comparator.comparing(Resource::pulumiResourceType)
                    .thenComparing(Resource::pulumiResourceName);

    private static void walk(
            Resource resource,
            int depth,
            Map<String, Declared> declared,
            List<PlannedResource> tree) {
        Declared d =
                declared.get(resource.pulumiResourceType() + " " + resource.pulumiResourceName());
        tree.add(
                new PlannedResource(
                        depth,
                        resource.pulumiResourceType(),
                        resource.pulumiResourceName(),
                        d == null ? "" : ResourceSummary.of(d.type(), d.inputs())));
        resource.pulumiChildResources().stream()
                .sorted(ORDER)
                .forEach(child -> walk(child, depth + 1, declared, tree));
    }

    private static void rethrowFirst(TestResult result) {
        for (Exception e : result.exceptions()) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ContractViolationException
                        || cause instanceof IllegalArgumentException) {
                    throw (RuntimeException) cause;
                }
            }
            throw new IllegalStateException("the program failed under the plan's mocks: " + e, e);
        }
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("the program logged errors: " + result.errors());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Iterator<Path> it = paths.sorted(Comparator.reverseOrder()).iterator();
                    it.hasNext(); ) {
                Files.delete(it.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the previous plan in " + dir, e);
        }
    }
}
