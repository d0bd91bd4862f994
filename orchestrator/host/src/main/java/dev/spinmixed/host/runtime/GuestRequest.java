package dev.spinmixed.host.runtime;

import java.util.List;

/**
 * {@code fermyon:spin/http-types.request} as the host builds it ({@code params} is always empty in
 * Spin).
 */
public record GuestRequest(HttpMethod method, String uri, List<Header> headers, byte[] body) {

    public GuestRequest {
        headers = List.copyOf(headers);
    }
}
