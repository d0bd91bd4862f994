package dev.spinmixed.host.runtime;

/**
 * Runs the exports of the app's components. Each call runs on an instance of its own (instances are
 * pooled, never shared by two calls at once); a call that fails throws {@link FailedGuestCall} and
 * leaves the runtime usable for the next call.
 */
public interface GuestRuntime extends AutoCloseable {

    /** {@code fermyon:spin/inbound-http.handle-request} of component {@code componentId}. */
    GuestResponse handleRequest(String componentId, GuestRequest request);

    /**
     * {@code fermyon:spin/inbound-redis.handle-message} of component {@code componentId}.
     *
     * @return true for {@code ok}, false when the guest answered {@code err}
     */
    boolean handleMessage(String componentId, byte[] message);

    @Override
    void close();
}
