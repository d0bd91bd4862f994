package dev.spinmixed.host.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A Redis address as the redis crate Spin 3.6.3 uses takes it ({@code Client::open}): a {@code
 * redis://} or {@code rediss://} URL with a host, {@code [user][:password]@} for AUTH, port 6379
 * when it has none.
 */
public record RedisUrl(URI uri) {

    private static final int DEFAULT_PORT = 6379;

    /** Empty when {@code address} is not such a URL. */
    public static Optional<RedisUrl> parse(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            if (!("redis".equals(scheme) || "rediss".equals(scheme)) || uri.getHost() == null) {
                return Optional.empty();
            }
            if (uri.getPort() < 0) {
                uri =
                        new URI(
                                scheme,
                                uri.getUserInfo(),
                                uri.getHost(),
                                DEFAULT_PORT,
                                uri.getPath(),
                                uri.getQuery(),
                                uri.getFragment());
            }
            return Optional.of(new RedisUrl(uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code host:port}, without credentials: what logs and messages may show. */
    public String hostAndPort() {
        return uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        return uri.getScheme() + "://" + hostAndPort();
    }
}
