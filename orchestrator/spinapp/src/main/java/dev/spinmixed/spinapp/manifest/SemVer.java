package dev.spinmixed.spinapp.manifest;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as the Rust {@code semver} crate (1.0, used by Spin) parses and orders it:
 * {@code major.minor.patch[-pre][+build]}, numbers without leading zeros. Used for the versions in
 * dependency and import names.
 */
public record SemVer(long major, long minor, long patch, List<String> pre, String build)
        implements Comparable<SemVer> {

    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String IDENTIFIER = "[0-9A-Za-z-]+";
    private static final Pattern VERSION =
            Pattern.compile(
                    NUMBER
                            + "\\."
                            + NUMBER
                            + "\\."
                            + NUMBER
                            + "(?:-("
                            + IDENTIFIER
                            + "(?:\\."
                            + IDENTIFIER
                            + ")*))?(?:\\+("
                            + IDENTIFIER
                            + "(?:\\."
                            + IDENTIFIER
                            + ")*))?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    public SemVer {
        pre = List.copyOf(pre);
    }

    public static SemVer parse(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid version \""
                            + text
                            + "\": expected major.minor.patch (e.g. 0.1.0), numbers without"
                            + " leading zeros, then optionally -prerelease and +build");
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        for (String identifier : pre) {
            if (NUMERIC.matcher(identifier).matches()
                    && identifier.length() > 1
                    && identifier.startsWith("0")) {
                throw new IllegalArgumentException(
                        "invalid version \""
                                + text
                                + "\": numeric pre-release identifier with a leading zero");
            }
        }
        return new SemVer(
                number(m.group(1), text),
                number(m.group(2), text),
                number(m.group(3), text),
                pre,
                m.group(5) == null ? "" : m.group(5));
    }

    private static long number(String digits, String text) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "invalid version \"" + text + "\": number too large", e);
        }
    }

    /**
     * The version Spin compares when it checks that two dependencies of one package are disjoint
     * ({@code normalize_compatible_version} in spin v3.6.3 {@code
     * crates/manifest/src/schema/v2.rs}): no build metadata; a pre-release stays as it is;
     * otherwise only the first non-zero part of major, minor, patch counts.
     */
    public SemVer compatibilityKey() {
        if (!pre.isEmpty()) {
            return new SemVer(major, minor, patch, pre, "");
        }
        if (major > 0) {
            return new SemVer(major, 0, 0, List.of(), "");
        }
        if (minor > 0) {
            return new SemVer(0, minor, 0, List.of(), "");
        }
        return new SemVer(0, 0, patch, List.of(), "");
    }

    /** Semver precedence; build metadata is ordered as text after it, as the crate's Ord does. */
    @Override
    public int compareTo(SemVer other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c == 0) {
            c = comparePre(pre, other.pre);
        }
        return c != 0 ? c : build.compareTo(other.build);
    }

    private static int comparePre(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xNumeric = NUMERIC.matcher(x).matches();
            boolean yNumeric = NUMERIC.matcher(y).matches();
            int c;
            if (xNumeric && yNumeric) {
                c = new BigInteger(x).compareTo(new BigInteger(y));
            } else if (xNumeric != yNumeric) {
                c = xNumeric ? -1 : 1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public String toString() {
        return major
                + "."
                + minor
                + "."
                + patch
                + (pre.isEmpty() ? "" : "-" + String.join(".", pre))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
