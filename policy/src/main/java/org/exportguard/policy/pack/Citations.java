package org.exportguard.policy.pack;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a citation names the legal text it rests on: a Federal Register page, a CFR section, a US statute, an EU
 * regulation or decision, a UN Security Council resolution, or a named national law. A fact marked
 * {@code verified: true} must say where it was verified; "see the website" does not.
 */
public final class Citations {
    private static final List<Pattern> NAMED_SOURCES = List.of(
            Pattern.compile("\\b\\d+\\s+FR\\s+\\d+"),                                      // 89 FR 28594
            Pattern.compile("\\b\\d+\\s+CFR\\s+(part\\s+)?\\d+", Pattern.CASE_INSENSITIVE), // 15 CFR 742.4
            Pattern.compile("\\b\\d+\\s+U\\.S\\.C\\.\\s+\\d+"),                             // 50 U.S.C. 4813
            Pattern.compile("\\b(Regulation|Reg\\.|Decision)\\s+(\\((EU|EC|CFSP)\\)\\s+)?(No\\s+)?\\d{3,4}/\\d+"),
            Pattern.compile("\\b(resolution|UNSCR|S/RES/)\\s*\\d{3,4}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bLaw\\s+\\d{4}-\\d{4}"),                                      // Law 5767-2007
            Pattern.compile("\\bOrder\\b.*\\b\\d{4}-\\d{4}"));                               // Order 5766-2006

    private Citations() {
    }

    public static boolean namesSource(String citation) {
        return citation != null && NAMED_SOURCES.stream().anyMatch(p -> p.matcher(citation).find());
    }

    /** What a citation must look like, for error messages. */
    public static final String EXPECTED = "a Federal Register page (89 FR 28594), a CFR section (15 CFR 742.4), a US "
            + "statute (50 U.S.C. 4813), an EU regulation (Regulation (EU) 2021/821), a UN resolution "
            + "(resolution 1718) or a named law (Law 5767-2007)";
}
