package org.exportguard.policy.deal;

import org.exportguard.core.model.Identifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One intended export, as read from deal JSON ({@code docs/deal.schema.json}).
 *
 * @param id          the deal's id
 * @param date        the intended export date, and the default as-of date
 * @param exporter    who exports
 * @param items       what is exported
 * @param destination ISO 3166-1 alpha-2 country it goes to
 * @param parties     the other parties (end user, consignee, ...)
 * @param endUse      the declared end use, free text (may be null)
 * @param flags       declared facts the rules ask about ({@code subject-to-ear}, {@code human-rights-concern}, ...)
 */
public record Deal(String id, LocalDate date, Exporter exporter, List<Item> items, String destination,
                   List<Party> parties, String endUse, Set<String> flags) {
    public Deal {
        items = List.copyOf(items);
        parties = List.copyOf(parties);
        flags = Set.copyOf(flags);
    }

    public record Exporter(String name, String country) {
    }

    /** @param classification scheme ({@code WA}, {@code US-EAR}, ...) to code, in input order */
    public record Item(String description, Map<String, String> classification) {
        public Item {
            classification = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(classification));
        }
    }

    /**
     * @param role    end-user, consignee, purchaser or intermediate
     * @param type    government, non-government or individual; null when not given
     * @param country may be null
     */
    /**
     * A party of the deal. {@code country}, {@code type}, {@code dob} and {@code identifiers} are also secondary
     * evidence for screening (compared with a listed entry's, see {@code core/screen/evidence}); each may be
     * null or empty.
     */
    public record Party(String role, String name, String country, String type, String dob,
                        List<Identifier> identifiers) {
        public Party {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        }

        public Party(String role, String name, String country, String type) {
            this(role, name, country, type, null, List.of());
        }

        public boolean isEndUser() {
            return "end-user".equals(role);
        }
    }

    /** The end users among the parties. */
    public List<Party> endUsers() {
        return parties.stream().filter(Party::isEndUser).toList();
    }
}
