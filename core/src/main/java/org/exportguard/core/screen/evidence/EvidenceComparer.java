package org.exportguard.core.screen.evidence;

import org.exportguard.core.match.TypeCompatibility;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningQuery;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a query's type, country, date of birth and identifiers with one listed entry's. Each field gives at most
 * one {@link Evidence}: a match, a conflict, or nothing at all when either side lacks the field or the list's value
 * cannot be read (a missing field is never evidence either way). Pure and thread-safe.
 *
 * <p>The effects are points added to the name score. They are sized so that evidence re-ranks and tips borderline
 * names but never makes a name match out of an unrelated name: an identifier is the only strong evidence (an exact
 * passport, registration, IMO or SWIFT/BIC number names one party whatever its name is spelled); a date of birth is
 * moderate (people share birth years); a country and a type are weak (a listed company trades in many countries).
 * Conflicts weigh less than matches where lists are known to be incomplete (several passports, several addresses).
 */
public final class EvidenceComparer {
    /** The same number of the same kind of document. */
    public static final double IDENTIFIER_MATCH = 0.30;
    /** A number of a kind that is unique per party (registration, IMO, SWIFT/BIC) that differs from all listed. */
    public static final double UNIQUE_IDENTIFIER_CONFLICT = -0.10;
    /** A passport or national id that differs from all listed: people hold several, lists name some. */
    public static final double DOCUMENT_CONFLICT = -0.05;
    public static final double DOB_SAME_DAY = 0.10;
    /** Agreement within a year or a month (one side or both no more precise than a year). */
    public static final double DOB_SAME_YEAR = 0.05;
    /** Agreement only within a span of several years. */
    public static final double DOB_IN_RANGE = 0.02;
    /** Different days of the same year: a typo in a list is common, so only a slight conflict. */
    public static final double DOB_SAME_YEAR_OTHER_DAY = -0.05;
    /** No listed date of birth anywhere near the query's: another person of the same name. */
    public static final double DOB_CONFLICT = -0.15;
    public static final double COUNTRY_MATCH = 0.05;
    public static final double COUNTRY_CONFLICT = -0.05;
    public static final double TYPE_MATCH = 0.02;
    /** The most all evidence but identifiers can add: how far below the threshold a name may be to be lifted. */
    public static final double MOST_RAISE_WITHOUT_IDENTIFIER = DOB_SAME_DAY + COUNTRY_MATCH + TYPE_MATCH;

    /** Every comparison the query's evidence and the entry allow, in a fixed order: identifier, dob, country, type. */
    public List<Evidence> compare(ScreeningQuery q, ListedParty p) {
        List<Evidence> out = new ArrayList<>(4);
        Evidence id = identifier(q.identifiers(), p);
        if (id != null) {
            out.add(id);
        }
        if (q.dateOfBirth() != null) {
            Evidence dob = dob(DobRange.parseQuery(q.dateOfBirth()), q.dateOfBirth(), p);
            if (dob != null) {
                out.add(dob);
            }
        }
        Evidence country = country(q.country(), p);
        if (country != null) {
            out.add(country);
        }
        Evidence type = type(q.type(), p.type());
        if (type != null) {
            out.add(type);
        }
        return out;
    }

    static Evidence identifier(List<Identifier> query, ListedParty p) {
        if (query.isEmpty() || p.identifiers().isEmpty()) {
            return null;
        }
        Evidence conflict = null;
        for (Identifier qi : query) {
            IdentifierKind qk = IdentifierKind.of(qi.type());
            String qn = qk.normalise(qi.value());
            boolean sameKindListed = false;
            Identifier sameKind = null;
            for (Identifier li : p.identifiers()) {
                IdentifierKind lk = IdentifierKind.of(li.type());
                if (li.value() == null || !qk.comparableWith(lk)) {
                    continue;
                }
                // Normalise with the more specific kind of the two (an IMO prefix, a BIC branch code).
                IdentifierKind k = qk == IdentifierKind.OTHER ? lk : qk;
                if (!qn.isEmpty() && k.normalise(qi.value()).equals(k.normalise(li.value()))) {
                    return new Evidence("identifier", Evidence.Result.MATCH, label(qi), label(li),
                            IDENTIFIER_MATCH, "same number");
                }
                if (qk != IdentifierKind.OTHER && lk == qk) {
                    sameKindListed = true;
                    sameKind = sameKind == null ? li : sameKind;
                }
            }
            if (sameKindListed && conflict == null) {
                boolean unique = qk == IdentifierKind.REGISTRATION || qk == IdentifierKind.IMO
                        || qk == IdentifierKind.SWIFT_BIC;
                conflict = new Evidence("identifier", Evidence.Result.CONFLICT, label(qi), label(sameKind),
                        unique ? UNIQUE_IDENTIFIER_CONFLICT : DOCUMENT_CONFLICT,
                        "another " + qk.label() + " number");
            }
        }
        return conflict;
    }

    private static String label(Identifier i) {
        String type = i.type() == null ? "" : i.type() + " ";
        return type + i.value() + (i.country() == null ? "" : " (" + i.country() + ")");
    }

    static Evidence dob(DobRange q, String queryText, ListedParty p) {
        DobRange bestMatch = null;
        String bestMatchText = null;
        String nearestText = null;
        long nearestGap = Long.MAX_VALUE;
        boolean sameYearOtherDay = false;
        for (String text : p.datesOfBirth()) {
            DobRange l = DobRange.parseListed(text);
            if (l == null) {
                continue;
            }
            if (l.overlaps(q)) {
                if (bestMatch == null || precision(l, q) > precision(bestMatch, q)) {
                    bestMatch = l;
                    bestMatchText = text;
                }
                continue;
            }
            long gap = Math.min(Math.abs(ChronoUnit.DAYS.between(l.to(), q.from())),
                    Math.abs(ChronoUnit.DAYS.between(q.to(), l.from())));
            if (gap < nearestGap) {
                nearestGap = gap;
                nearestText = text;
                sameYearOtherDay = q.withinOneYear() && l.withinOneYear() && q.from().getYear() == l.from().getYear();
            }
        }
        if (bestMatch != null) {
            int precision = precision(bestMatch, q);
            double effect = precision == 2 ? DOB_SAME_DAY : precision == 1 ? DOB_SAME_YEAR : DOB_IN_RANGE;
            String note = precision == 2 ? "same day" : precision == 1 ? "same year" : "within the range";
            return new Evidence("dob", Evidence.Result.MATCH, queryText, bestMatchText, effect, note);
        }
        if (nearestText == null) {
            return null;
        }
        if (sameYearOtherDay) {
            return new Evidence("dob", Evidence.Result.CONFLICT, queryText, nearestText, DOB_SAME_YEAR_OTHER_DAY,
                    "same year, another day");
        }
        return new Evidence("dob", Evidence.Result.CONFLICT, queryText, nearestText, DOB_CONFLICT,
                nearestGap >= 365 ? (nearestGap / 365) + (nearestGap / 365 == 1 ? " year" : " years") + " apart"
                        : nearestGap + " days apart");
    }

    /** 2: one day on both sides; 1: agreement within a year; 0: only within a wider span. */
    private static int precision(DobRange l, DobRange q) {
        if (l.isDay() && q.isDay()) {
            return 2;
        }
        return l.withinOneYear() && q.withinOneYear() ? 1 : 0;
    }

    static Evidence country(String queryCountry, ListedParty p) {
        if (queryCountry == null) {
            return null;
        }
        String qc = CountryCodes.code(queryCountry);
        if (qc == null) {
            return null;
        }
        Set<String> listed = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (Address a : p.addresses()) {
            String text = a.countryCode() != null ? a.countryCode() : a.country();
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        }
        texts.addAll(p.nationalities());
        boolean allKnown = true;
        for (String t : texts) {
            String c = CountryCodes.code(t);
            if (c == null) {
                allKnown = false;
            } else if (c.equals(qc)) {
                return new Evidence("country", Evidence.Result.MATCH, queryCountry, t, COUNTRY_MATCH,
                        "same country");
            } else {
                listed.add(c);
            }
        }
        // A conflict only when every country the entry names could be read: an unreadable one might be the same.
        if (listed.isEmpty() || !allKnown) {
            return null;
        }
        return new Evidence("country", Evidence.Result.CONFLICT, queryCountry, String.join(", ", listed),
                COUNTRY_CONFLICT, "not among the listed countries");
    }

    static Evidence type(PartyType query, PartyType listed) {
        if (query == PartyType.UNKNOWN || listed == PartyType.UNKNOWN) {
            return null;
        }
        if (query == listed) {
            return new Evidence("type", Evidence.Result.MATCH, query.label(), listed.label(), TYPE_MATCH,
                    "same type");
        }
        // Already in the name score as its type factor; listed here so the analyst sees it, not counted twice.
        return new Evidence("type", Evidence.Result.CONFLICT, query.label(), listed.label(), 0.0,
                String.format(java.util.Locale.ROOT, "counted in the name score as x%.2f",
                        TypeCompatibility.MISMATCH_FACTOR));
    }
}
