package dev.spinmixed.host.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A component's {@code allowed_outbound_hosts}, checked the way Spin checks an address: each entry
 * is {@code scheme://host[:port]} where the scheme may be {@code *}, the host {@code *} or {@code
 * *.domain}, and the port {@code *}, a number or a range {@code a..b} (end exclusive); a missing
 * port means the scheme's well-known port (6379 for redis). An empty list allows nothing.
 */
public final class AllowedOutboundHosts {

    private record Entry(String original, String scheme, String host, int portFrom, int portTo) {

        boolean allows(String s, String h, int port) {
            return (scheme.equals("*") || scheme.equals(s))
                    && (host.equals("*")
                            || (host.startsWith("*.")
                                    ? h.endsWith(host.substring(1))
                                    : host.equals(h)))
                    && port >= portFrom
                    && port < portTo;
        }
    }

    private final List<Entry> entries;

    private AllowedOutboundHosts(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not in Spin's format
     */
    public static AllowedOutboundHosts parse(List<String> hosts) {
        return new AllowedOutboundHosts(
                hosts.stream().filter(h -> !h.isBlank()).map(AllowedOutboundHosts::entry).toList());
    }

    /**
     * Whether {@code address} (e.g. {@code redis://127.0.0.1:6379}) may be reached with {@code
     * defaultScheme}.
     */
    public boolean allows(String address, String defaultScheme) {
        Optional<URI> uri = parseAddress(address, defaultScheme);
        if (uri.isEmpty() || uri.get().getHost() == null) {
            return false;
        }
        String scheme = uri.get().getScheme().toLowerCase(Locale.ROOT);
        String host = uri.get().getHost().toLowerCase(Locale.ROOT);
        int port = uri.get().getPort() >= 0 ? uri.get().getPort() : wellKnownPort(scheme);
        return entries.stream().anyMatch(e -> e.allows(scheme, host, port));
    }

    @Override
    public String toString() {
        return entries.stream().map(Entry::original).toList().toString();
    }

    private static Optional<URI> parseAddress(String address, String defaultScheme) {
        try {
            URI uri = new URI(address);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // Spin retries an address that does not parse with the scheme in front, e.g. host:port.
        }
        try {
            return Optional.of(new URI(defaultScheme + "://" + address));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Entry entry(String original) {
        String text = original.trim();
        int sep = text.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException(
                    "allowed outbound host \""
                            + original
                            + "\" has no scheme (e.g. redis://host:port or *://host:port)");
        }
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("*") && !scheme.chars().allMatch(Character::isLetter)) {
            throw new IllegalArgumentException(
                    "allowed outbound host \"" + original + "\": invalid scheme '" + scheme + "'");
        }
        String rest = text.substring(sep + 3);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.contains("/")) {
            throw new IllegalArgumentException(
                    "allowed outbound host \"" + original + "\" must not include a path");
        }
        String host = rest;
        String port = "";
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.startsWith("[")) {
            host = rest.substring(0, colon);
            port = rest.substring(colon + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.isEmpty()
                || (host.contains("*")
                        && !host.equals("*")
                        && !(host.startsWith("*.") && !host.substring(2).contains("*")))) {
            throw new IllegalArgumentException(
                    "allowed outbound host \""
                            + original
                            + "\": wildcards are allowed only as '*' or a '*.' prefix");
        }
        int from;
        int to;
        try {
            if (port.isEmpty()) {
                from = wellKnownPort(scheme);
                if (from < 0) {
                    throw new IllegalArgumentException(
                            "allowed outbound host \""
                                    + original
                                    + "\" needs a port: scheme '"
                                    + scheme
                                    + "' has no default");
                }
                to = from + 1;
            } else if (port.equals("*")) {
                from = 0;
                to = 65536;
            } else if (port.contains("..")) {
                from = Integer.parseInt(port.substring(0, port.indexOf("..")));
                to = Integer.parseInt(port.substring(port.indexOf("..") + 2));
            } else {
                from = Integer.parseInt(port);
                to = from + 1;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "allowed outbound host \""
                            + original
                            + "\": port '"
                            + port
                            + "' is not a number, '*' or a range a..b");
        }
        return new Entry(original, scheme, host, from, to);
    }

    private static int wellKnownPort(String scheme) {
        return switch (scheme) {
            case "redis" -> 6379;
            case "postgres" -> 5432;
            case "mysql" -> 3306;
            case "mqtt" -> 1883;
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
