package org.exportguard.policy.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A named set of countries (EAR Country Group E:1, the EU001 destinations, ...) whose membership changes over time.
 *
 * @param id             the id rules use
 * @param description    what the group is
 * @param versions       membership periods, not overlapping, in file order
 * @param noVersionNote  said when no version is in force on a date (e.g. "no country list in force is known for
 *                       this date"), or null for the generic wording
 * @param provenance     sources and flags of the membership data
 */
public record CountryGroup(String id, String description, List<GroupVersion> versions, String noVersionNote,
                           Provenance provenance) {
    public CountryGroup {
        versions = List.copyOf(versions);
    }

    public Optional<GroupVersion> versionOn(LocalDate day) {
        return versions.stream().filter(v -> v.inForce(day)).findFirst();
    }

    public Membership membership(String country, LocalDate day) {
        return versionOn(day).map(v -> v.membership(country)).orElse(Membership.UNKNOWN);
    }

    /** Why {@link #membership} is UNKNOWN for this country and day, in words. */
    public String whyUnknown(String country, LocalDate day) {
        Optional<GroupVersion> v = versionOn(day);
        if (v.isEmpty()) {
            return "group " + id + " has no version in force on " + day + ": "
                    + (noVersionNote != null ? noVersionNote : "its membership on that date is not known");
        }
        if (v.get().uncertain().contains(country)) {
            return "the sources leave open whether " + country + " is in group " + id;
        }
        String note = v.get().note().isBlank() ? "" : " (" + v.get().note() + ")";
        return "group " + id + " is known only in part on " + day + note + ", so whether " + country
                + " is a member cannot be decided from the data";
    }
}
