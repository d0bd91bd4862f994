package dev.spinmixed.host.runtime;

import java.util.Locale;
import java.util.Optional;

/** The cases of {@code fermyon:spin/http-types.method}; other HTTP methods never reach a guest. */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    DELETE,
    PATCH,
    HEAD,
    OPTIONS;

    public static Optional<HttpMethod> fromHttp(String method) {
        for (HttpMethod m : values()) {
            if (m.name().equals(method)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The WIT case name, e.g. {@code post}. */
    public String witName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
