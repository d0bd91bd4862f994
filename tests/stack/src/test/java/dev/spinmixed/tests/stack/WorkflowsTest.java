package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spinmixed.infra.PinnedVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GitHub workflows: they parse, pass an offline workflow linter (action-validator, the JSON
 * schema of GitHub workflows), and do what the README promises: tests then a commented preview per
 * stack on pull requests; up of dev on main, prod behind the protected environment; Azure by OIDC
 * only; minimal permissions; one concurrency group per stack; actions pinned.
 */
class WorkflowsTest {
    static final Path ROOT = ContractGateTest.ROOT;
    static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    static final Path LINTER = ROOT.resolve("node_modules/.bin/action-validator");

    /**
     * Each action, the commit it is pinned to and that commit's release tag (checked against the
     * action's repository).
     */
    static final Map<String, String> PINS =
            Map.of(
                    "actions/checkout", "11d5960a326750d5838078e36cf38b85af677262 # v4.4.0",
                    "actions/setup-java", "cf277c60eb25467037889841efdb72551f06f6c3 # v4.9.1",
                    "actions/setup-node", "49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0",
                    "azure/login", "7184910d9eb2b1c5e48f7073824a90609bb9b6d6 # v2.3.1",
                    "azure/use-kubelogin", "0ce7c36141aa27d4934872cf00b0120804c98a29 # v1.3",
                    "pulumi/actions", "8582a9e8cc630786854029b4e09281acd6794b58 # v6.6.1");

    static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*([^@\\s]+)@(\\S+)(.*)$");

    private static JsonNode workflow(String file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOWS.resolve(file).toFile());
    }

    private static List<JsonNode> steps(JsonNode job, String action) {
        List<JsonNode> found = new ArrayList<>();
        job.path("steps")
                .forEach(
                        step -> {
                            if (step.path("uses").asText().startsWith(action + "@")) {
                                found.add(step);
                            }
                        });
        return found;
    }

    private static void assertOidcAzureAndPulumiToken(JsonNode job) {
        assertEquals(
                "write", job.at("/permissions/id-token").asText(), "OIDC needs id-token: write");
        assertEquals("read", job.at("/permissions/contents").asText());
        List<JsonNode> logins = steps(job, "azure/login");
        assertEquals(1, logins.size());
        JsonNode with = logins.get(0).path("with");
        assertEquals(
                Set.of("client-id", "tenant-id", "subscription-id"),
                names(with),
                "federated login, no creds JSON");
        assertEquals(
                "${{ secrets.PULUMI_ACCESS_TOKEN }}", job.at("/env/PULUMI_ACCESS_TOKEN").asText());
        assertEquals(
                "true",
                job.at("/env/ARM_USE_OIDC").asText(),
                "azure-native authenticates by OIDC too");
        assertFalse(job.path("env").has("ARM_CLIENT_SECRET"));
        assertEquals(
                "false",
                job.at("/concurrency/cancel-in-progress").asText(),
                "a running Pulumi operation is never cancelled");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void pullRequestsRunTheTestsThenACommentedPreviewOfEachStack() throws IOException {
        JsonNode pr = workflow("pull-request.yml");
        assertEquals(Set.of("pull_request"), names(pr.path("on")));
        assertEquals(
                Map.of("contents", "read"),
                new ObjectMapper().convertValue(pr.path("permissions"), Map.class));
        JsonNode test = pr.at("/jobs/test");
        assertTrue(
                test.path("steps").toString().contains("\"run\":\"./run test\""),
                "the README's test command");

        JsonNode preview = pr.at("/jobs/preview");
        assertEquals("test", preview.path("needs").asText());
        assertEquals(
                List.of("dev", "prod"),
                List.of(
                        preview.at("/strategy/matrix/stack/0").asText(),
                        preview.at("/strategy/matrix/stack/1").asText()));
        assertEquals(
                "write", preview.at("/permissions/pull-requests").asText(), "the preview comment");
        assertEquals(
                Set.of("contents", "id-token", "pull-requests"),
                names(preview.path("permissions")));
        assertOidcAzureAndPulumiToken(preview);
        assertTrue(
                preview.at("/concurrency/group").asText().contains("${{ matrix.stack }}"),
                "a group per stack");
        JsonNode pulumi = steps(preview, "pulumi/actions").get(0).path("with");
        assertEquals("preview", pulumi.path("command").asText());
        assertEquals("${{ matrix.stack }}", pulumi.path("stack-name").asText());
        assertEquals("true", pulumi.path("comment-on-pr").asText());
        assertEquals("true", pulumi.path("edit-pr-comment").asText());
        assertTrue(
                runs(preview).contains("./run plan ${{ matrix.stack }}"),
                "schema-checked plan first");
    }

    /**
     * pulumi builds and runs the program through the Maven executor (Pulumi.yaml), so a job that
     * runs pulumi only installs the build's prerequisites; a separate build would be a second,
     * drifting entry point.
     */
    @Test
    void pulumiJobsBuildNothingThemselves() throws IOException {
        Map<String, JsonNode> jobs =
                Map.of(
                        "pull-request.yml preview",
                        workflow("pull-request.yml").at("/jobs/preview"),
                        "deploy.yml up-dev",
                        workflow("deploy.yml").at("/jobs/up-dev"),
                        "deploy.yml up-prod",
                        workflow("deploy.yml").at("/jobs/up-prod"));
        jobs.forEach(
                (name, job) -> {
                    List<String> runs = runs(job);
                    assertTrue(runs.contains("./run setup"), name + ": " + runs);
                    for (String run : runs) {
                        assertFalse(
                                run.contains("mvnw") || run.contains(".jar"),
                                name + " builds on its own: " + run);
                    }
                });
    }

    /**
     * Every job that runs pulumi can reach a cluster with Entra ID access: kubelogin at the pinned
     * version, signing in with the job's az login.
     */
    @Test
    void pulumiJobsHaveKubeloginOnTheAzLogin() throws IOException {
        for (JsonNode job :
                List.of(
                        workflow("pull-request.yml").at("/jobs/preview"),
                        workflow("deploy.yml").at("/jobs/up-dev"),
                        workflow("deploy.yml").at("/jobs/up-prod"))) {
            List<JsonNode> kubelogin = steps(job, "azure/use-kubelogin");
            assertEquals(1, kubelogin.size());
            assertEquals(
                    PinnedVersions.KUBELOGIN.version(),
                    kubelogin.get(0).at("/with/kubelogin-version").asText());
            assertEquals("azurecli", job.at("/env/AAD_LOGIN_METHOD").asText());
        }
    }

    /** The deploy jobs build the wasm image, so they ready Docker first, with the tested script. */
    @Test
    void deployJobsReadyDockerForWasmImagesBeforePulumiUp() throws IOException {
        JsonNode deploy = workflow("deploy.yml");
        for (String name : List.of("up-dev", "up-prod")) {
            List<String> runs = runs(deploy.at("/jobs/" + name));
            assertTrue(runs.contains(".ci/docker-wasm-builder"), name + ": " + runs);
            assertFalse(
                    runs.stream().anyMatch(run -> run.contains("daemon.json")),
                    name + " writes the daemon settings itself");
        }
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> runs.add(step.path("run").asText().trim()));
        return runs;
    }

    @Test
    void mainDeploysDevThenProdThroughTheProtectedEnvironment() throws IOException {
        JsonNode deploy = workflow("deploy.yml");
        assertEquals(List.of("main"), List.of(deploy.at("/on/push/branches/0").asText()));
        assertFalse(deploy.path("on").has("pull_request"));
        assertEquals(
                Map.of("contents", "read"),
                new ObjectMapper().convertValue(deploy.path("permissions"), Map.class));
        JsonNode dev = deploy.at("/jobs/up-dev");
        JsonNode prod = deploy.at("/jobs/up-prod");
        assertEquals("test", dev.path("needs").asText());
        assertEquals("up-dev", prod.path("needs").asText(), "prod only after dev is up");
        assertEquals("dev", dev.path("environment").asText());
        assertEquals(
                "prod",
                prod.path("environment").asText(),
                "the protected environment holds prod for approval");
        for (JsonNode job : List.of(dev, prod)) {
            assertOidcAzureAndPulumiToken(job);
            assertEquals(
                    Set.of("contents", "id-token"),
                    names(job.path("permissions")),
                    "no PR write on deploys");
            assertEquals("up", steps(job, "pulumi/actions").get(0).at("/with/command").asText());
        }
        assertEquals("dev", steps(dev, "pulumi/actions").get(0).at("/with/stack-name").asText());
        assertEquals("prod", steps(prod, "pulumi/actions").get(0).at("/with/stack-name").asText());
        assertNotEquals(
                dev.at("/concurrency/group").asText(), prod.at("/concurrency/group").asText());
        assertTrue(prod.at("/concurrency/group").asText().endsWith("prod"));
    }

    @Test
    void everyActionIsPinnedToAFullCommitWithItsVersion() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher uses = USES.matcher(line);
                    if (uses.matches()) {
                        String action = uses.group(1);
                        used.add(action);
                        assertTrue(
                                PINS.containsKey(action),
                                file.getFileName() + " uses an unreviewed action: " + line);
                        assertEquals(
                                PINS.get(action),
                                uses.group(2) + uses.group(3).stripTrailing(),
                                file.getFileName() + ": " + line.trim());
                    }
                }
            }
        }
        assertEquals(PINS.keySet(), used);
    }

    @Test
    void noLongLivedAzureCredentialAppearsInAnyWorkflow() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                for (String forbidden :
                        List.of(
                                "creds:",
                                "client-secret",
                                "ARM_CLIENT_SECRET",
                                "AZURE_CREDENTIALS")) {
                    assertFalse(
                            text.contains(forbidden),
                            file.getFileName() + " contains " + forbidden);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull-request.yml", "deploy.yml"})
    void theOfflineWorkflowLinterAcceptsIt(String file) throws Exception {
        Result lint = lint(WORKFLOWS.resolve(file));
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void theLinterRejectsABrokenWorkflow(@TempDir Path dir) throws Exception {
        String broken =
                Files.readString(WORKFLOWS.resolve("pull-request.yml"))
                        .replace("      id-token: write", "      id-token: wirte");
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, broken);
        Result lint = lint(file);
        assertNotEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().contains("/jobs/preview/permissions"), lint.output());
    }

    record Result(int exitCode, String output) {}

    private static Result lint(Path file) throws Exception {
        assertTrue(
                Files.isExecutable(LINTER),
                LINTER + " is missing: run ./run setup (npm tools from package-lock.json)");
        Process process =
                new ProcessBuilder(LINTER.toString(), file.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "action-validator did not finish");
        return new Result(process.exitValue(), output);
    }
}
