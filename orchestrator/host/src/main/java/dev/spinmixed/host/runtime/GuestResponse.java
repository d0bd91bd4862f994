package dev.spinmixed.host.runtime;

import java.util.List;
import java.util.Optional;

/** {@code fermyon:spin/http-types.response} as the guest returned it. */
public record GuestResponse(int status, Optional<List<Header>> headers, Optional<byte[]> body) {}
