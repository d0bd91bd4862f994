package dev.spinmixed.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The spin-operator CRDs (SpinApp, SpinAppExecutor) of the pinned release, read from the copies
 * shipped in this jar: the spin-operator chart does not install its CRDs, and the stack must not
 * reach out to the network to learn its own schema. The files are spin-operator's {@code
 * config/crd/bases/*.yaml} at tag v0.6.1 (Apache-2.0), unmodified: a CRD must match the operator
 * release exactly. Upgrade them together with {@link #VERSION} and the chart version.
 */
public final class SpinOperatorCrds {
    public static final String VERSION = "v0.6.1";
    static final List<String> FILES =
            List.of("core.spinkube.dev_spinapps.yaml", "core.spinkube.dev_spinappexecutors.yaml");

    private SpinOperatorCrds() {}

    /** Each CRD as a map (apiVersion, kind, metadata, spec), in {@link #FILES} order. */
    public static List<Map<String, Object>> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        return FILES.stream()
                .map(
                        file -> {
                            String resource = "crds/" + file;
                            try (InputStream in =
                                    SpinOperatorCrds.class.getResourceAsStream(resource)) {
                                if (in == null) {
                                    throw new IllegalStateException(
                                            "the infra jar lacks " + resource);
                                }
                                return yaml.readValue(
                                        in, new TypeReference<Map<String, Object>>() {});
                            } catch (IOException e) {
                                throw new UncheckedIOException("cannot parse " + resource, e);
                            }
                        })
                .toList();
    }
}
