package org.exportguard.policy.deal;

/** A deal that cannot be evaluated; the message reads {@code FIELD: problem}, e.g. {@code destination: missing}. */
public class DealFormatException extends Exception {
    private final String field;
    private final String problem;

    public DealFormatException(String field, String problem) {
        super(field == null || field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
