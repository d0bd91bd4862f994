package dev.spinmixed.abi;

/**
 * A value could not cross the canonical ABI boundary: a guest handed over a pointer or length
 * outside its memory, a misaligned pointer, invalid UTF-8, a bad discriminant or char, or the host
 * passed a Java value that does not fit the WIT type. The message names where (component and
 * function, when known), the path to the value inside the arguments or result (e.g. {@code
 * req.headers[2].1}) and what was wrong. In the spec's terms most of these are traps.
 */
public class AbiException extends RuntimeException {

    private final String where;
    private final String path;
    private final String problem;

    public AbiException(String problem) {
        this("", "", problem);
    }

    public AbiException(String where, String problem) {
        this(where, "", problem);
    }

    private AbiException(String where, String path, String problem) {
        super(null, null, false, true);
        this.where = where;
        this.path = path;
        this.problem = problem;
    }

    /**
     * The same fault, one level further out: {@code segment} is e.g. {@code .field}, {@code [3]} or
     * {@code req}.
     */
    public AbiException inside(String segment) {
        AbiException outer = new AbiException(where, segment + path, problem);
        outer.setStackTrace(getStackTrace());
        return outer;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        String at = path.isEmpty() ? "" : " at " + path;
        return where.isEmpty()
                ? (at.isEmpty() ? problem : at.substring(1) + ": " + problem)
                : where + at + ": " + problem;
    }
}
