package org.exportguard.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a restricted-party list, in the same shape whatever list it came from.
 *
 * @param source              id of the list it came from, e.g. {@code OFAC-SDN}, {@code UN-SC}, {@code US-CSL}
 * @param sourceId            the list's own id, verbatim: OFAC ent_num, UN reference number ({@code CDi.002}), CSL id
 * @param sourceList          for aggregated lists (CSL) the original list the row belongs to, e.g.
 *                            "Entity List (EL) - Bureau of Industry and Security"; else null
 * @param type                person, organization, vessel, aircraft or unknown
 * @param primaryName         the main name as listed
 * @param aliases             other names, with their strength and script
 * @param addresses           addresses with country
 * @param datesOfBirth        dates of birth as written (a year, a date, a range)
 * @param placesOfBirth       places of birth as written
 * @param nationalities       nationalities or citizenships as written
 * @param identifiers         documents and numbers
 * @param programs            sanctions programs / regimes (e.g. {@code SDGT}, {@code CYBER2}, UN list type)
 * @param listedOn            date the entry was listed (when the list says), else null
 * @param listingEnd          date the listing ends or ended (DPL expiration, CSL end_date), else null
 * @param licenceRequirement  CSL licence requirement text, else null
 * @param licencePolicy       CSL licence review policy text, else null
 * @param remarks             free-text remarks as listed
 * @param titles              titles and positions as listed ("Minister of Defence", "Dr."): who the party is, not a
 *                            number that identifies it
 */
public record ListedParty(
        String source,
        String sourceId,
        String sourceList,
        PartyType type,
        String primaryName,
        List<Alias> aliases,
        List<Address> addresses,
        List<String> datesOfBirth,
        List<String> placesOfBirth,
        List<String> nationalities,
        List<Identifier> identifiers,
        List<String> programs,
        LocalDate listedOn,
        LocalDate listingEnd,
        String licenceRequirement,
        String licencePolicy,
        String remarks,
        List<String> titles) {

    public ListedParty {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(primaryName, "primaryName");
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
        datesOfBirth = List.copyOf(datesOfBirth);
        placesOfBirth = List.copyOf(placesOfBirth);
        nationalities = List.copyOf(nationalities);
        identifiers = List.copyOf(identifiers);
        programs = List.copyOf(programs);
        titles = List.copyOf(titles);
    }

    /** A builder, because most lists fill only some of the fields. */
    public static Builder builder(String source, String sourceId) {
        return new Builder(source, sourceId);
    }

    /** Mutable helper for readers; {@link #build()} makes the immutable record. */
    public static final class Builder {
        private final String source;
        private final String sourceId;
        private String sourceList;
        private PartyType type = PartyType.UNKNOWN;
        private String primaryName;
        private final List<Alias> aliases = new ArrayList<>();
        private final List<Address> addresses = new ArrayList<>();
        private final List<String> datesOfBirth = new ArrayList<>();
        private final List<String> placesOfBirth = new ArrayList<>();
        private final List<String> nationalities = new ArrayList<>();
        private final List<Identifier> identifiers = new ArrayList<>();
        private final List<String> programs = new ArrayList<>();
        private LocalDate listedOn;
        private LocalDate listingEnd;
        private String licenceRequirement;
        private String licencePolicy;
        private String remarks;
        private final List<String> titles = new ArrayList<>();

        private Builder(String source, String sourceId) {
            this.source = source;
            this.sourceId = sourceId;
        }

        public Builder sourceList(String v) { this.sourceList = v; return this; }
        public Builder type(PartyType v) { this.type = v; return this; }
        public Builder primaryName(String v) { this.primaryName = v; return this; }
        public Builder alias(Alias v) { this.aliases.add(v); return this; }
        public Builder address(Address v) { this.addresses.add(v); return this; }
        public Builder dateOfBirth(String v) { this.datesOfBirth.add(v); return this; }
        public Builder placeOfBirth(String v) { this.placesOfBirth.add(v); return this; }
        public Builder nationality(String v) { this.nationalities.add(v); return this; }
        public Builder identifier(Identifier v) { this.identifiers.add(v); return this; }
        public Builder program(String v) { this.programs.add(v); return this; }
        public Builder listedOn(LocalDate v) { this.listedOn = v; return this; }
        public Builder listingEnd(LocalDate v) { this.listingEnd = v; return this; }
        public Builder licenceRequirement(String v) { this.licenceRequirement = v; return this; }
        public Builder licencePolicy(String v) { this.licencePolicy = v; return this; }
        public Builder remarks(String v) { this.remarks = v; return this; }
        public Builder title(String v) { this.titles.add(v); return this; }

        public String primaryName() { return primaryName; }
        public List<Alias> aliases() { return aliases; }
        public List<String> titles() { return titles; }

        public ListedParty build() {
            return new ListedParty(source, sourceId, sourceList, type, primaryName, aliases, addresses,
                    datesOfBirth, placesOfBirth, nationalities, identifiers, programs, listedOn, listingEnd,
                    licenceRequirement, licencePolicy, remarks, titles);
        }
    }
}
