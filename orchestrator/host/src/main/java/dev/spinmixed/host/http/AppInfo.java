package dev.spinmixed.host.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code GET /.well-known/spin/info} answers (Spin 3.6.3 {@code crates/http/src/app_info.rs}):
 * the application's name, its version when the manifest has a non-empty one, and the OCI image
 * digest, which nothing in Spin 3.6.3 sets (so never). Written as serde_json's pretty printer
 * writes it: two-space indent, {@code "key": value}, lower-case hex in escapes of control
 * characters, no trailing newline.
 */
public record AppInfo(String name, Optional<String> version) {

    private static final ObjectMapper SERDE_PRETTY =
            JsonMapper.builder()
                    .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                    .defaultPrettyPrinter(
                            new DefaultPrettyPrinter(
                                            Separators.createDefaultInstance()
                                                    .withObjectFieldValueSpacing(
                                                            Separators.Spacing.AFTER))
                                    .withObjectIndenter(new DefaultIndenter("  ", "\n")))
                    .build();

    /** From the manifest's {@code [application]}: an empty version counts as none, as in Spin. */
    public static AppInfo of(String name, String version) {
        return new AppInfo(name, Optional.of(version).filter(v -> !v.isEmpty()));
    }

    byte[] json() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        version.ifPresent(v -> fields.put("version", v));
        try {
            return SERDE_PRETTY
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(fields)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the app info as JSON", e);
        }
    }
}
