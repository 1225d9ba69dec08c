package org.exportguard.service;

/** A deal in a batch that cannot be read: which one (0-based), and the problem (naming the field). */
public final class DealInputException extends ServiceException {
    private final int index;

    public DealInputException(int index, String problem) {
        super(problem);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
