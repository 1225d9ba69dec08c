package org.exportguard.policy.pack;

import java.util.List;

/**
 * A body of export law: when it applies to a deal, and which restricted-party lists it enforces.
 *
 * @param id       {@code IL-DECA}, {@code US-EAR}, {@code EU-2021-821}, {@code UN}
 * @param name     in words
 * @param applies  when the regime applies to a deal
 * @param lists    the lists it applies, in order
 */
public record Regime(String id, String name, Applicability applies, List<ListRule> lists) {
    public Regime {
        lists = List.copyOf(lists);
    }

    /**
     * A regime applies when any of these holds. A cross-regime mapping alone never makes a regime apply: only an
     * explicit key of this regime in an item's classification does ({@code classifiedUnder}).
     *
     * @param always          applies to every deal
     * @param exporterIn      country codes or group ids; applies when the exporter's country is in one of them
     * @param flags           applies when the deal declares any of these flags
     * @param classifiedUnder applies when an item's classification has an explicit key equal to the regime id
     */
    public record Applicability(boolean always, List<String> exporterIn, List<String> flags, boolean classifiedUnder) {
        public Applicability {
            exporterIn = List.copyOf(exporterIn);
            flags = List.copyOf(flags);
        }
    }
}
