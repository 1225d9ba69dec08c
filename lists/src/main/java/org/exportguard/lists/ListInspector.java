package org.exportguard.lists;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarises a loaded list for {@code exportguard lists inspect PATH}: what it is, how many entries of each type,
 * aliases by kind, addresses, identifiers, programs, and the problems found while loading. Returns data; printing
 * is the CLI's job.
 */
public final class ListInspector {
    private ListInspector() {
    }

    /**
     * @param listId                list id ({@code OFAC-SDN}, {@code UN-SC} ...)
     * @param format                detected format label ({@code ofac-csv}, {@code un-xml} ...)
     * @param origin                file or folder it was read from
     * @param entries               number of entries
     * @param byType                entries per type, every type present (0 when none), in enum order
     * @param aliases               all aliases
     * @param strongAliases         strong aliases (original-script ones included)
     * @param weakAliases           weak aliases
     * @param originalScriptAliases aliases written in their original, non-Latin script
     * @param addresses             addresses
     * @param entriesWithoutAddress entries giving no address at all
     * @param identifiers           identifiers (documents, numbers and other structured details)
     * @param entriesWithDateOfBirth entries giving at least one date of birth
     * @param programs              entries per program, sorted by program
     * @param problems              warnings raised while loading (problems that did not stop the load), then
     *                              problems found in the entries (empty names, an id used twice)
     */
    public record Inspection(String listId, String format, String origin, int entries, Map<PartyType, Long> byType,
                             long aliases, long strongAliases, long weakAliases, long originalScriptAliases,
                             long addresses, long entriesWithoutAddress, long identifiers,
                             long entriesWithDateOfBirth,
                             Map<String, Long> programs, List<String> problems) {
        public Inspection {
            byType = Collections.unmodifiableMap(new EnumMap<>(byType));
            programs = Collections.unmodifiableMap(new TreeMap<>(programs));
            problems = List.copyOf(problems);
        }
    }

    public static Inspection inspect(PartyList list) {
        Map<PartyType, Long> byType = new EnumMap<>(PartyType.class);
        for (PartyType t : PartyType.values()) {
            byType.put(t, 0L);
        }
        Map<String, Long> programs = new TreeMap<>();
        long aliases = 0;
        long strong = 0;
        long weak = 0;
        long script = 0;
        long addresses = 0;
        long identifiers = 0;
        long withDob = 0;
        long withoutAddress = 0;
        Map<String, Long> ids = new TreeMap<>();
        List<String> problems = new ArrayList<>(list.warnings());
        for (ListedParty p : list.parties()) {
            ids.merge(p.sourceId(), 1L, Long::sum);
            if (p.primaryName().isBlank()) {
                problems.add("entry " + p.sourceId() + ": empty primary name");
            }
            if (p.addresses().isEmpty()) {
                withoutAddress++;
            }
            byType.merge(p.type(), 1L, Long::sum);
            for (Alias a : p.aliases()) {
                aliases++;
                if (a.strength() == AliasStrength.WEAK) {
                    weak++;
                } else {
                    strong++;
                }
                if (a.originalScript()) {
                    script++;
                }
            }
            addresses += p.addresses().size();
            identifiers += p.identifiers().size();
            if (!p.datesOfBirth().isEmpty()) {
                withDob++;
            }
            for (String prog : p.programs()) {
                programs.merge(prog, 1L, Long::sum);
            }
        }
        ids.forEach((id, n) -> {
            if (n > 1) {
                problems.add("id " + id + " used by " + n + " entries");
            }
        });
        return new Inspection(list.id(), list.format(), list.origin(), list.parties().size(), byType, aliases,
                strong, weak, script, addresses, withoutAddress, identifiers, withDob, programs, problems);
    }
}
