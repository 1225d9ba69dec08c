package org.exportguard.server;

import org.exportguard.testkit.CslCsv;

/** CSL rows the server tests share: a party on the Denied Persons List and one on the SDN list. */
final class CslFixtures {
    private CslFixtures() {
    }

    static final CslCsv.Entry DENIED = CslCsv.entity("dpl-1", "Zebulon Quartermaine")
            .source("Denied Persons List (DPL) - Bureau of Industry and Security");
    static final CslCsv.Entry BLOCKED = CslCsv.entity("sdn-1", "Yellowfin Maritime Holdings")
            .source("Specially Designated Nationals (SDN) - Treasury Department");
}
