package io.baton.http;

import java.util.List;

/** Thrown by resources to answer with a problem document of the given type. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final transient List<?> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<?> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public ProblemType type() {
        return type;
    }

    public List<?> errors() {
        return errors;
    }
}
