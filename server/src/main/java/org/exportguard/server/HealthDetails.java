package org.exportguard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * More for {@code GET /health} to report, beyond liveness and the lists loaded: a store-backed server adds the fetch
 * state of each list source. It reports, it never fails the answer: {@code /health} stays 200.
 */
@FunctionalInterface
public interface HealthDetails {
    HealthDetails NONE = health -> {
    };

    /** Adds fields to the health answer being built. */
    void addTo(ObjectNode health);
}
