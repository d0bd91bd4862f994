package dev.spinmixed.tests.spinapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.spinapp.manifest.ComponentDependency;
import dev.spinmixed.spinapp.manifest.ComponentSource;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import dev.spinmixed.spinapp.manifest.Trigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spin.toml as Spin 3.6.3 reads it: the schema with its refusals (spin v3.6.3 {@code
 * crates/manifest/src/schema/v2.rs}), the normalization ({@code normalize.rs}), the dependency
 * checks ({@code ComponentDependencies::validate}) and the trigger settings. Each refusal names the
 * field and carries Spin's reason.
 */
class ManifestReaderTest {

    static final String APP =
            """
            spin_manifest_version = 2

            [application]
            name = "orders"
            version = "0.1.0"

            [application.trigger.redis]
            address = "{{ redis_address }}"

            [variables]
            redis_address = { default = "redis://127.0.0.1:6379" }
            events_channel = { default = "orders.events" }
            api_key = { required = true, secret = true }

            [[trigger.http]]
            route = "/orders"
            component = "orchestrator"

            [[trigger.http]]
            route = "/hops/..."
            component = "hops-ingress"

            [[trigger.http]]
            route = { private = true }
            component = "validation"

            [[trigger.redis]]
            channel = "orders.validate"
            component = "validation-relay"

            [component.orchestrator]
            source = "orchestrator.wasm"
            allowed_outbound_hosts = ["{{ redis_address }}"]
            variables = { redis_address = "{{ redis_address }}", events_channel = "{{ events_channel }}" }
            environment = { RUST_LOG = "info" }

            [component.orchestrator.dependencies]
            "acme:validation/validation@0.1.0" = { component = "validation" }
            "acme:pricing/pricing@0.1.0" = { path = "deps/pricing.wasm" }

            [component.validation]
            source = "validation.wasm"

            [component.hops-ingress]
            source = "hops-ingress.wasm"

            [component.validation-relay]
            source = "validation-relay.wasm"
            """;

    static SpinManifest read(String toml) {
        return ManifestReader.parse(toml, Path.of("/app/spin.toml"));
    }

    static String refusal(String toml) {
        return assertThrows(ManifestException.class, () -> read(toml)).getMessage();
    }

    static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void readsApplicationVariablesComponentsAndTriggers() {
        SpinManifest m = read(APP);
        assertEquals("orders", m.application().name());
        assertEquals(Optional.of("{{ redis_address }}"), m.redisAddress());
        assertEquals(
                List.of("orchestrator", "validation", "hops-ingress", "validation-relay"),
                List.copyOf(m.components().keySet()));
        assertEquals(
                Optional.of("redis://127.0.0.1:6379"),
                m.variables().get("redis_address").defaultValue());
        assertTrue(m.variables().get("api_key").required());
        var orchestrator = m.component("orchestrator");
        assertEquals(
                List.of(
                        new ComponentDependency.AppComponent("validation", Optional.empty()),
                        new ComponentDependency.LocalPath("deps/pricing.wasm", Optional.empty())),
                List.copyOf(orchestrator.dependencies().values()));
        assertEquals(List.of("{{ redis_address }}"), orchestrator.allowedOutboundHosts());
        assertEquals(Map.of("RUST_LOG", "info"), orchestrator.environment());
        assertEquals(3, m.httpTriggers().size());
        assertEquals(new Trigger.HttpRoute.Private(true), m.httpTriggers().get(2).route());
        assertEquals("orders.validate", m.redisTriggers().get(0).channel());
        assertEquals(
                List.of("orchestrator", "hops-ingress", "validation", "validation-relay"),
                m.triggeredComponents());
    }

    @Test
    void unknownFieldsAreRefusedNamingTheField() {
        assertContains(refusal("foo = 1\n" + APP), "spin.toml: foo: unknown field `foo`");
        assertContains(
                refusal(
                        APP.replace(
                                "source = \"validation.wasm\"",
                                "source = \"validation.wasm\"\nsorce = \"x\"")),
                "component.validation.sorce: unknown field `sorce`");
        assertContains(
                refusal(
                        APP.replace(
                                "channel = \"orders.validate\"",
                                "channel = \"orders.validate\"\nchanel = \"x\"")),
                "trigger.redis[0].chanel: unknown field `chanel`");
    }

    /** Fields some Spin version or guide mentions that Spin 3.6.3's schema does not have. */
    @Test
    void fieldsSpin36DoesNotKnowAreRefused() {
        assertContains(
                refusal(
                        APP.replace(
                                "source = \"hops-ingress.wasm\"",
                                "source = \"hops-ingress.wasm\"\nprofile = \"release\"")),
                "component.hops-ingress.profile: unknown field `profile`");
        assertContains(
                refusal(
                        APP.replace(
                                "{ component = \"validation\" }",
                                "{ component = \"validation\", inherit_configuration = true }")),
                "data did not match any variant of untagged enum ComponentDependency");
    }

    @Test
    void everyDependencyFormSpinAcceptsIsRead() {
        SpinManifest m =
                read(
                        APP.replace(
                                "\"acme:pricing/pricing@0.1.0\" = { path = \"deps/pricing.wasm\" }",
                                """
                                "acme:pricing/pricing@0.1.0" = { path = "deps/pricing.wasm", export = "acme:pricing/pricer@0.1.0" }
                                "acme:inventory/inventory@0.1.0" = ">= 0.1.0"
                                "acme:shipping/shipping@0.1.0" = { version = "0.1.0", registry = "example.com", package = "acme:ship" }
                                "acme:tax/tax@0.1.0" = { url = "https://example.com/tax.wasm", digest = "sha256:0123" }
                                """));
        List<ComponentDependency> dependencies =
                List.copyOf(m.component("orchestrator").dependencies().values());
        assertEquals(
                new ComponentDependency.LocalPath(
                        "deps/pricing.wasm", Optional.of("acme:pricing/pricer@0.1.0")),
                dependencies.get(1));
        assertInstanceOf(ComponentDependency.VersionConstraint.class, dependencies.get(2));
        assertInstanceOf(ComponentDependency.RegistryPackage.class, dependencies.get(3));
        assertInstanceOf(ComponentDependency.Url.class, dependencies.get(4));
    }

    @Test
    void everySourceFormSpinAcceptsIsRead() {
        SpinManifest m =
                read(
                        APP.replace(
                                        "source = \"hops-ingress.wasm\"",
                                        "source = { url = \"https://example.com/h.wasm\", digest ="
                                                + " \"sha256:00\" }")
                                .replace(
                                        "source = \"validation-relay.wasm\"",
                                        "source = { registry = \"example.com\", package ="
                                                + " \"acme:relay\", version = \"1.0.0\" }"));
        assertInstanceOf(ComponentSource.Remote.class, m.component("hops-ingress").source());
        assertInstanceOf(ComponentSource.Registry.class, m.component("validation-relay").source());
    }

    @Test
    void theHttpExecutorAndTheDefaultBaseAreAccepted() {
        SpinManifest m =
                read(
                        APP.replace(
                                        "route = \"/orders\"",
                                        "route = \"/orders\"\nexecutor = { type = \"spin\" }")
                                .replace(
                                        "[application.trigger.redis]",
                                        "[application.trigger.http]\n"
                                                + "base = \"/\"\n\n"
                                                + "[application.trigger.redis]"));
        assertInstanceOf(Trigger.HttpExecutor.Http.class, m.httpTriggers().get(0).executor());
        assertContains(
                m.warnings().get(0), "deprecated trigger 'base' set to the default value '/'");
    }

    @Test
    void aBaseOtherThanTheDefaultIsRefusedWithSpinsReason() {
        assertContains(
                refusal(
                        APP.replace(
                                "[application.trigger.redis]",
                                "[application.trigger.http]\n"
                                        + "base = \"/api\"\n\n"
                                        + "[application.trigger.redis]")),
                "application.trigger.http.base",
                "The base must be prepended to each [[trigger.http]]'s 'route'.");
    }

    @Test
    void manifestV1IsRefused() {
        assertContains(
                refusal(APP.replace("spin_manifest_version = 2", "spin_manifest_version = \"1\"")),
                "manifest v1 is not supported");
        assertContains(
                refusal(APP.replace("spin_manifest_version = 2", "spin_manifest_version = 3")),
                "invalid manifest version: 3");
    }

    @Test
    void aManifestWithoutTriggersIsRefusedAsSpinDoes() {
        String noTriggers = APP.substring(0, APP.indexOf("[[trigger.http]]"));
        assertContains(refusal(noTriggers), "missing field `trigger`");
    }

    // ---- normalization

    @Test
    void triggersGetSpinsIds() {
        SpinManifest m =
                read(APP.replace("route = \"/hops/...\"", "id = \"hops\"\nroute = \"/hops/...\""));
        assertEquals(
                List.of(
                        "orchestrator-http-trigger",
                        "hops",
                        "validation-http-trigger",
                        "validation-relay-redis-trigger"),
                m.triggers().stream().map(Trigger::id).toList());
    }

    @Test
    void anInlineComponentBecomesAComponentNamedAfterItsTrigger() {
        SpinManifest m =
                read(
                        APP.replace(
                                "route = \"/hops/...\"\ncomponent = \"hops-ingress\"",
                                "route = \"/hops/...\"\ncomponent = { source = \"inline.wasm\" }"));
        // Trigger ids are assigned before inline components move: an inline trigger gets a counter
        // id.
        assertEquals("http-trigger1", m.httpTriggers().get(1).id());
        assertEquals(Optional.of("http-trigger1-component"), m.httpTriggers().get(1).component());
        assertEquals(
                new ComponentSource.LocalFile("inline.wasm"),
                m.component("http-trigger1-component").source());
    }

    /** spin v3.6.3 {@code normalize.rs}, {@code ensure_is_acceptable_dependency}. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "environment = { A = \"1\" }",
                "variables = { a = \"1\" }",
                "allowed_outbound_hosts = [\"https://example.com\"]",
                "allowed_http_hosts = [\"example.com\"]",
                "files = [\"*.txt\"]",
                "key_value_stores = [\"default\"]",
                "sqlite_databases = [\"default\"]",
                "ai_models = [\"llama2-chat\"]",
                "dependencies = { \"x:y/z\" = { path = \"z.wasm\" } }",
            })
    void aDependencyComponentMayNotHaveResourcesOrPermissions(String field) {
        String name = field.substring(0, field.indexOf(' '));
        assertContains(
                refusal(
                        APP.replace(
                                "source = \"validation.wasm\"",
                                "source = \"validation.wasm\"\n" + field)),
                "component.orchestrator.dependencies.\"acme:validation/validation@0.1.0\"",
                "Dependencies may not have their own resources or permissions. Component"
                        + " validation cannot be used as a dependency of orchestrator because it"
                        + " specifies: "
                        + name);
    }

    @Test
    void aDependencyOnAMissingComponentIsRefused() {
        assertContains(
                refusal(
                        APP.replace(
                                "{ component = \"validation\" }", "{ component = \"validator\" }")),
                "dependency ID validator does not exist");
    }

    @Test
    void aPlainDependencyNameNeedsAPackage() {
        assertContains(
                refusal(
                        APP.replace(
                                "\"acme:pricing/pricing@0.1.0\" = { path = \"deps/pricing.wasm\" }",
                                "pricing = \"0.1.0\"")),
                "component \"orchestrator\" has invalid dependencies",
                "dependency \"pricing\" must specify a package name");
    }

    @Test
    void aPackageWideDependencyCannotNameAnExport() {
        assertContains(
                refusal(
                        APP.replace(
                                "\"acme:pricing/pricing@0.1.0\" = { path = \"deps/pricing.wasm\" }",
                                "\"acme:pricing\" = { path = \"deps/pricing.wasm\", export ="
                                        + " \"x:y/z\" }")),
                "using an export to satisfy the package dependency \"acme:pricing\" is not"
                        + " currently permitted");
    }

    @Test
    void twoDependenciesOfOnePackageMustBeDisjoint() {
        assertContains(
                refusal(
                        APP.replace(
                                "\"acme:pricing/pricing@0.1.0\" = { path = \"deps/pricing.wasm\" }",
                                "\"acme:validation\" = { path = \"deps/pricing.wasm\" }")),
                "\"acme:validation/validation@0.1.0\" dependency conflicts with"
                        + " \"acme:validation\"");
        // Different interfaces of one package pass this check; composition refuses them later.
        read(
                APP.replace(
                        "\"acme:pricing/pricing@0.1.0\" = { path = \"deps/pricing.wasm\" }",
                        "\"acme:validation/checks@0.1.0\" = { path = \"deps/pricing.wasm\" }"));
    }

    // ---- identifiers, variables, templates, triggers

    @Test
    void componentIdsFollowSpinsKebabRules() {
        read(
                APP.replace("[component.hops-ingress]", "[component.HOPS-ingress]")
                        .replace("component = \"hops-ingress\"", "component = \"HOPS-ingress\""));
        assertContains(
                refusal(APP.replace("[component.hops-ingress]", "[component.hops-1ngress]")),
                "component.hops-1ngress: invalid component id",
                "must start with an ASCII letter");
        assertContains(
                refusal(APP.replace("[component.hops-ingress]", "[component.hops_ingress]")),
                "words must be separated with '-', not '_'");
    }

    @Test
    void variableNamesAreLowerSnakeCase() {
        assertContains(
                refusal(APP.replace("events_channel = { default", "EventsChannel = { default")),
                "variables.EventsChannel: invalid variable name");
    }

    @Test
    void aVariableIsRequiredOrHasADefaultNotBoth() {
        assertContains(
                refusal(
                        APP.replace(
                                "api_key = { required = true, secret = true }",
                                "api_key = { required = true, default = \"x\" }")),
                "variables.api_key: must be `required` OR have a `default`");
    }

    @Test
    void aTemplateMustNameADeclaredVariable() {
        assertContains(
                refusal(
                        APP.replace(
                                "events_channel = \"{{ events_channel }}\"",
                                "events_channel = \"{{ event_channel }}\"")),
                "component.orchestrator.variables.events_channel",
                "unknown variable \"event_channel\"");
    }

    @Test
    void aTriggerMustNameADeclaredComponent() {
        assertContains(
                refusal(APP.replace("component = \"hops-ingress\"", "component = \"hops\"")),
                "missing component \"hops\" configured for trigger \"hops-http-trigger\"");
    }

    @Test
    void anHttpTriggerHasAComponentOrAStaticResponseNotBoth() {
        assertContains(
                refusal(
                        APP.replace(
                                "route = \"/orders\"",
                                "route = \"/orders\"\nstatic_response = { status_code = 204 }")),
                "Triggers must specify either component or static_response",
                "has both");
    }

    @Test
    void otherTriggerTypesAreKeptForTheRuntimeToDecide() {
        SpinManifest m = read(APP + "\n[[trigger.cron]]\ncomponent = \"hops-ingress\"\n");
        assertInstanceOf(Trigger.OtherTrigger.class, m.triggers().get(4));
    }

    @Test
    void malformedTomlIsRefusedNamingTheFile() {
        assertContains(refusal("spin_manifest_version = \n"), "spin.toml: not valid TOML");
    }

    @Test
    void aMissingManifestIsNamed() {
        var e =
                assertThrows(
                        ManifestException.class,
                        () -> ManifestReader.read(Path.of("/nonexistent/spin.toml")));
        assertContains(e.getMessage(), "no such manifest");
    }
}
