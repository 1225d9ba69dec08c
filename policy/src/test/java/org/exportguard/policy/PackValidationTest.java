package org.exportguard.policy;

import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.policy.pack.PolicyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packs are validated on load; each problem names file and path. Packs are real folders of YAML files. */
class PackValidationTest {
    @TempDir
    Path dir;

    static final String PACK = """
            pack: {id: test, version: "1"}
            flags: {x: a flag}
            schemes: [WA]
            """;
    static final String GROUPS = """
            groups:
              E1:
                description: a group
                versions:
                  - from: 2020-01-01
                    to: 2020-12-31
                    complete: true
                    members: [IR, KP, SY]
                  - from: 2021-01-01
                    complete: true
                    members: [IR, KP, SY, CU]
                source: a source
                verified: true
            entries:
              SW:
                description: software
                codes: {WA: 4.D.4}
                source: a source
                verified: partial
            """;
    static final String RULES = """
            regimes:
              R:
                name: a regime
                appliesWhen: {always: true}
            rules:
              - id: R1
                regime: R
                entries: [SW]
                destination: {in: [E1]}
                outcome: BLOCKED
                reason: because
                citation: 15 CFR 740.22(c)
                source: a source
                verified: true
            """;

    private PolicyPack load(String groups, String rules) throws Exception {
        Files.writeString(dir.resolve("pack.yaml"), PACK);
        Files.writeString(dir.resolve("groups.yaml"), groups);
        Files.writeString(dir.resolve("us-ear.yaml"), rules);
        return PackLoader.load(dir);
    }

    private String problem(String groups, String rules) {
        return assertThrows(PolicyFormatException.class, () -> load(groups, rules)).getMessage();
    }

    @Test
    void aGoodPackLoads() throws Exception {
        PolicyPack p = load(GROUPS, RULES);
        assertTrue(p.version().startsWith("test@1+sha256:"), p.version());
        assertEquals(1, p.rules().size());
    }

    @Test
    void unknownCountryCode() {
        assertEquals(dir.resolve("groups.yaml") + ": groups.E1.versions[1].members[3]: unknown country code 'XX' "
                + "(expected ISO 3166-1 alpha-2, e.g. DE)", problem(GROUPS.replace("SY, CU]", "SY, XX]"), RULES));
    }

    @Test
    void overlappingVersions() {
        String m = problem(GROUPS.replace("to: 2020-12-31", "to: 2021-01-01"), RULES);
        assertEquals(dir.resolve("groups.yaml") + ": groups.E1.versions[1]: overlaps versions[0] (2020-01-01 to "
                + "2021-01-01); versions of a group must not share a day", m);
    }

    @Test
    void ruleNamingAMissingGroup() {
        assertEquals(dir.resolve("us-ear.yaml") + ": rules[0].destination.in[0]: unknown group 'E9'",
                problem(GROUPS, RULES.replace("in: [E1]", "in: [E9]")));
    }

    @Test
    void ruleNamingAMissingEntry() {
        assertEquals(dir.resolve("us-ear.yaml") + ": rules[0].entries[0]: unknown control entry 'HW'",
                problem(GROUPS, RULES.replace("entries: [SW]", "entries: [HW]")));
    }

    @Test
    void otherProblemsNameTheirPlace() {
        assertTrue(problem(GROUPS, RULES.replace("outcome: BLOCKED", "outcome: DENIED"))
                .endsWith("us-ear.yaml: rules[0].outcome: unknown outcome 'DENIED' (expected CLEARED, LICENCE_REQUIRED, "
                        + "REVIEW or BLOCKED)"));
        assertTrue(problem(GROUPS, RULES.replace("    verified: true\n", ""))
                .endsWith("us-ear.yaml: rules[0].verified: missing"));
        assertTrue(problem(GROUPS, RULES.replace("reason: because", "reasn: because"))
                .contains("us-ear.yaml: rules[0]: unknown field 'reasn'"));
        assertTrue(problem(GROUPS.replace("from: 2020-01-01", "from: 2020-02-30"), RULES)
                .endsWith("groups.yaml: groups.E1.versions[0].from: not a date '2020-02-30' (expected YYYY-MM-DD)"));
        assertTrue(problem(GROUPS, RULES + RULES.substring(RULES.indexOf("  - id"))).contains(
                "us-ear.yaml: rules[1]: rule 'R1' is already in force over part of this period"));
        assertTrue(problem(GROUPS, "rules: [ {") .contains("us-ear.yaml: not valid YAML"));
    }

    @Test
    void aVerifiedRuleMustCiteANamedSource() {
        String m = problem(GROUPS, RULES.replace("citation: 15 CFR 740.22(c)", "citation: a law"));
        assertTrue(m.startsWith(dir.resolve("us-ear.yaml") + ": rules[0].citation: verified: true needs a citation "
                + "naming its source"), m);
        assertTrue(m.endsWith("found 'a law'"), m);
        // partial and unverified facts may cite loosely: they cannot decide a deal alone anyway
        assertTrue(assertDoesNotThrowLoad(RULES.replace("citation: 15 CFR 740.22(c)", "citation: a law")
                .replace("verified: true", "verified: partial")));
        for (String named : java.util.List.of("89 FR 28594", "Regulation (EU) 2021/821 Art. 4",
                "Council Regulation (EU) No 833/2014 Art. 2", "resolution 1718 (2006) para 8",
                "Defense Export Control Law 5767-2007")) {
            assertTrue(assertDoesNotThrowLoad(RULES.replace("15 CFR 740.22(c)", named)), named);
        }
    }

    private boolean assertDoesNotThrowLoad(String rules) {
        try {
            load(GROUPS, rules);
            return true;
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void aVerifiedExclusionMustCiteANamedSourceAndNameAKnownFlag() {
        String entry = """
                    exclusions:
                      - id: X1
                        flags: [x]
                        reason: out of scope
                        citation: CITATION
                        source: a source
                        verified: true
                    source: a source
                    verified: partial
                """;
        String groups = GROUPS.replace("""
                    source: a source
                    verified: partial
                """, entry);
        assertTrue(problem(groups.replace("CITATION", "see the website"), RULES)
                .contains("groups.yaml: entries.SW.exclusions[0].citation: verified: true needs a citation"));
        assertTrue(problem(groups.replace("CITATION", "15 CFR 774").replace("flags: [x]", "flags: [y]"), RULES)
                .contains("groups.yaml: entries.SW.exclusions[0].flags[0]: unknown flag 'y'"));
        assertTrue(assertDoesNotThrowLoad(RULES) && true);
    }

    @Test
    void aCodeYamlReadsAsANumberIsRefused() {
        String m = problem(GROUPS.replace("codes: {WA: 4.D.4}", "codes: {WA: 5E980}"), RULES);
        assertTrue(m.contains("groups.yaml: entries.SW.codes.WA: code") && m.contains("was read as a number; quote it"), m);
    }

    @Test
    void aCountryCannotBeBothMemberAndNotMember() {
        String m = problem(GROUPS.replace("        complete: true\n        members: [IR, KP, SY]\n      - from",
                "        complete: false\n        members: [IR, KP, SY]\n        notMembers: [KP]\n      - from"), RULES);
        assertTrue(m.contains("groups.E1.versions[0].notMembers: country 'KP' is both in members and in notMembers"), m);
    }

    @Test
    void theDefaultPackLoads() throws Exception {
        PolicyPack p = PackLoader.loadDefault();
        assertEquals(java.util.List.of("IL-DECA", "IL-MOE", "US-EAR", "EU-2021-821", "UN"),
                java.util.List.copyOf(p.regimes().keySet()));
        assertTrue(p.entry("WA", "4.D.4").isPresent());
        assertEquals(p.entry("WA", "4.D.4"), p.entry("US-EAR", "4D004"));
        assertEquals(p.entry("WA", "4.D.4"), p.entry("EU-2021-821", "4D004"));
    }
}
