package dev.spinmixed.host.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One route pattern, parsed, matched and ordered the way the routefinder crate (0.5.4, default
 * features) does it for Spin 3.6.3's router ({@code crates/routes/src/lib.rs} hands it {@code
 * /prefix/*} for a Spin route {@code /prefix/...}). A pattern is a sequence of segments: literal
 * text, {@code :name} (one path segment, or up to a dot when a dot follows), {@code *} (the rest of
 * the path), and the slashes and dots between them. Leading and trailing slashes, and empty
 * segments, count for nothing, in the pattern and in the path.
 *
 * <p>routefinder slices strings by byte offsets but looks characters up by character index; that is
 * reproduced, so a non-ASCII route behaves as it does in Spin.
 */
final class RoutePattern {

    /** A segment of a pattern. */
    sealed interface Segment {
        record Slash() implements Segment {}

        record Dot() implements Segment {}

        record Exact(String text) implements Segment {}

        record Param(String name) implements Segment {}

        record Wildcard() implements Segment {}
    }

    private final List<Segment> segments;

    private RoutePattern(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * @throws IllegalArgumentException with routefinder's reason for a pattern it refuses
     */
    static RoutePattern parse(String source) {
        String trimmed = trimSlashes(source);
        byte[] bytes = trimmed.getBytes(StandardCharsets.UTF_8);
        int[] chars = trimmed.codePoints().toArray();
        List<Segment> segments = new ArrayList<>();
        int last = 0;
        for (int index = 0; index <= bytes.length; index++) {
            if (index < bytes.length && bytes[index] != '.' && bytes[index] != '/') {
                continue;
            }
            Integer separator = last == 0 || last - 1 >= chars.length ? null : chars[last - 1];
            String section = new String(bytes, last, index - last, StandardCharsets.UTF_8);
            last = index + 1;
            Segment segment = section(section);
            if (separator != null && separator == '.') {
                if (!segments.isEmpty()
                        && segments.get(segments.size() - 1) instanceof Segment.Exact e) {
                    segments.set(segments.size() - 1, new Segment.Exact(e.text() + "."));
                } else {
                    segments.add(new Segment.Dot());
                }
            }
            if (segment != null) {
                if (separator != null && separator == '/') {
                    segments.add(new Segment.Slash());
                }
                segments.add(segment);
            }
        }
        return new RoutePattern(segments);
    }

    private static Segment section(String section) {
        if (section.startsWith("*")) {
            if (section.length() == 1) {
                return new Segment.Wildcard();
            }
            throw new IllegalArgumentException(
                    "since there can only be one wildcard, it doesn't need a name. replace `"
                            + section
                            + "` with `*`");
        }
        if (section.startsWith(":")) {
            if (section.length() == 1) {
                throw new IllegalArgumentException("params must be named");
            }
            return new Segment.Param(section.substring(1));
        }
        return section.isEmpty() ? null : new Segment.Exact(section);
    }

    List<Segment> segments() {
        return segments;
    }

    /** Whether a {@code *} stands anywhere but at the end (routefinder panics on matching it). */
    boolean hasInnerWildcard() {
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i) instanceof Segment.Wildcard) {
                return true;
            }
        }
        return false;
    }

    /**
     * The captures of {@code path}, one per {@code :name} and {@code *} segment in order, or empty
     * when the pattern does not match.
     */
    Optional<List<String>> match(String path) {
        String p = trimSlashes(path);
        List<String> captures = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            Segment next = i + 1 < segments.size() ? segments.get(i + 1) : null;
            if (segment instanceof Segment.Exact e) {
                if (!p.startsWith(e.text())) {
                    return Optional.empty();
                }
                p = p.substring(e.text().length());
            } else if (segment instanceof Segment.Param) {
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                if (next == null || next instanceof Segment.Slash) {
                    int slash = p.indexOf('/');
                    String capture = slash < 0 ? p : p.substring(0, slash);
                    captures.add(capture);
                    p = p.substring(capture.length());
                } else {
                    int at = firstDotOrSlash(p);
                    if (at < 0 || charAtCharIndex(p, byteOffset(p, at)) != '.') {
                        return Optional.empty();
                    }
                    captures.add(p.substring(0, at));
                    p = p.substring(at);
                }
            } else if (segment instanceof Segment.Wildcard) {
                captures.add(p);
                p = "";
            } else if (segment instanceof Segment.Slash) {
                if (p.startsWith("/") && next != null) {
                    p = p.substring(1);
                } else if (!(p.isEmpty() && (next == null || next instanceof Segment.Wildcard))) {
                    return Optional.empty();
                }
            } else {
                if (!p.startsWith(".")) {
                    return Optional.empty();
                }
                p = p.substring(1);
            }
        }
        return p.isEmpty() || p.equals("/") ? Optional.of(captures) : Optional.empty();
    }

    /**
     * routefinder's order of two patterns, negative when {@code this} is tried first: segment by
     * segment literal text before {@code :name} before {@code *} before separators, then more dots
     * first, then fewer segments first. Two patterns of the same shape never compare equal: the one
     * already in the router stays first.
     */
    int precedence(RoutePattern other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            int c = compare(segments.get(i), other.segments.get(i));
            if (c != 0) {
                return -c;
            }
        }
        int dots = Long.compare(dots(), other.dots());
        if (dots != 0) {
            return -dots;
        }
        int length = Integer.compare(other.segments.size(), segments.size());
        return length != 0 ? -length : 1;
    }

    private long dots() {
        return segments.stream().filter(s -> s instanceof Segment.Dot).count();
    }

    /** routefinder's segment order, which is not symmetric for dots; kept as it is. */
    private static int compare(Segment mine, Segment theirs) {
        if (separator(mine) && separator(theirs) || mine.getClass() == theirs.getClass()) {
            return 0;
        }
        if (mine instanceof Segment.Dot || mine instanceof Segment.Exact) {
            return 1;
        }
        if (mine instanceof Segment.Param) {
            return theirs instanceof Segment.Exact ? -1 : 1;
        }
        if (mine instanceof Segment.Wildcard) {
            return theirs instanceof Segment.Exact || theirs instanceof Segment.Param ? -1 : 1;
        }
        return -1;
    }

    private static boolean separator(Segment s) {
        return s instanceof Segment.Slash || s instanceof Segment.Dot;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    private static int firstDotOrSlash(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.' || s.charAt(i) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** The UTF-8 byte offset of the UTF-16 index {@code at}. */
    private static int byteOffset(String s, int at) {
        return s.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The character at character (code point) index {@code index}, or -1 past the end. */
    private static int charAtCharIndex(String s, int index) {
        int[] chars = s.codePoints().toArray();
        return index < chars.length ? chars[index] : -1;
    }
}
