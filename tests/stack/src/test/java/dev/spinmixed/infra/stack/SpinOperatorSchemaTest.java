package dev.spinmixed.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.spinmixed.infra.AppManifest;
import dev.spinmixed.infra.SpinOperatorCrds;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.stack.StackMocks.Declared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SpinApp and SpinAppExecutor objects the stack declares, checked against the openAPIV3
 * schemas of the pinned spin-operator CRDs (the ones the stack installs): every field exists
 * with the right type, every required field is there. Also: the real app's manifest.
 */
class SpinOperatorSchemaTest {

    @Test
    void declaredSpinObjectsConformToTheCrdSchemas(@TempDir Path dir) {
        StackRun run = StackRun.of(() -> StackRun.settings(WasmRuntime.SPINKUBE, EnumSet.allOf(Wiring.class),
                StackRun.buildContext(dir, SpinKubeStackTest.SPIN_TOML)));
        Map<String, Map<String, Object>> schemas = new HashMap<>();
        for (Map<String, Object> crd : SpinOperatorCrds.load()) {
            schemas.put(Json.string(crd, "spec", "names", "kind"),
                    Json.map(crd, "spec", "versions", 0, "schema", "openAPIV3Schema", "properties", "spec"));
        }
        assertEquals(Set.of("SpinApp", "SpinAppExecutor"), schemas.keySet());

        int checked = 0;
        for (Declared d : run.mocks.declared) {
            String kind = (String) d.inputs().get("kind");
            if (schemas.containsKey(kind)) {
                List<String> problems = new ArrayList<>();
                conform(d.inputs().get("spec"), schemas.get(kind), kind + ".spec", problems);
                assertEquals(List.of(), problems, d.name());
                checked++;
            }
        }
        assertEquals(3, checked, "two SpinApps and one executor");
    }

    @Test
    void aFieldTheCrdDoesNotKnowIsCaught() {
        var schema = Json.map(SpinOperatorCrds.load().get(0), "spec", "versions", 0, "schema", "openAPIV3Schema", "properties", "spec");
        List<String> problems = new ArrayList<>();
        conform(Map.of("image", "x", "executor", "e", "replica", 1), schema, "SpinApp.spec", problems);
        assertEquals(List.of("SpinApp.spec.replica: not in the schema"), problems);
        problems.clear();
        conform(Map.of("image", "x"), schema, "SpinApp.spec", problems);
        assertEquals(List.of("SpinApp.spec.executor: required"), problems);
    }

    @Test
    void theRealAppDeclaresComponentDependenciesSoAksWasiRefusesIt() {
        AppManifest manifest = AppManifest.read(Path.of("../../apps/spin.toml"));
        assertTrue(manifest.componentsWithDependencies().contains("orchestrator"), manifest.toString());
        for (Wiring wiring : Wiring.values()) {
            for (String component : wiring.components()) {
                assertTrue(componentIds(Path.of("../../apps/spin.toml")).contains(component),
                        wiring + " keeps " + component + ", which apps/spin.toml does not declare");
            }
        }
    }

    private static Set<String> componentIds(Path spinToml) {
        try {
            var root = new TomlMapper().readTree(spinToml.toFile());
            Set<String> ids = new HashSet<>();
            root.path("component").fieldNames().forEachRemaining(ids::add);
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small structural check of a value against an openAPIV3 schema node. */
    @SuppressWarnings("unchecked")
    static void conform(Object value, Map<String, Object> schema, String path, List<String> problems) {
        String type = (String) schema.get("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(path + ": expected an object");
                    return;
                }
                var properties = (Map<String, Object>) schema.get("properties");
                var additional = schema.get("additionalProperties");
                for (var entry : map.entrySet()) {
                    String key = (String) entry.getKey();
                    if (properties != null && properties.containsKey(key)) {
                        conform(entry.getValue(), (Map<String, Object>) properties.get(key), path + "." + key, problems);
                    } else if (additional instanceof Map<?, ?> additionalSchema) {
                        conform(entry.getValue(), (Map<String, Object>) additionalSchema, path + "." + key, problems);
                    } else if (!Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
                        problems.add(path + "." + key + ": not in the schema");
                    }
                }
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!map.containsKey(required)) {
                        problems.add(path + "." + required + ": required");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + ": expected an array");
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    conform(list.get(i), (Map<String, Object>) schema.get("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!(value instanceof String) && !Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
                    problems.add(path + ": expected a string");
                }
            }
            case "integer", "number" -> {
                if (!(value instanceof Number)) {
                    problems.add(path + ": expected a number");
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(path + ": expected a boolean");
                }
            }
            default -> problems.add(path + ": unknown schema type " + type);
        }
    }
}
