package org.exportguard.service;

import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;

/** Reads a deal handed to the desk; a deal that cannot be read names its place in the batch. */
final class DealInput {
    private DealInput() {
    }

    /** Deal number {@code index} (0-based) of a batch. */
    static Deal parse(DealParser parser, String json, int index) throws DealInputException {
        try {
            return parser.parse(json);
        } catch (DealFormatException e) {
            throw new DealInputException(index, e.getMessage());
        }
    }
}
