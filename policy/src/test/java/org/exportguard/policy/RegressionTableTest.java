package org.exportguard.policy;

import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.RegimeDecision;
import org.exportguard.policy.pack.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The regression table of issue 15 ({@code regression-deals.tsv}): deals written from the sources, each with the
 * outcomes and findings the default pack must give and why, decided against the shipped sample lists.
 */
class RegressionTableTest {
    static final String TABLE = "regression-deals.tsv";

    /** One line of the table. */
    record Case(int line, String name, LocalDate date, String exporter, String items, String destination,
                String endUserType, String endUserName, List<String> flags, List<String> expect, List<String> findings,
                String why) {
        @Override
        public String toString() {
            return name + " (line " + line + ")";
        }

        /** The deal as deal JSON, exactly as a user would write it. */
        String json() {
            StringBuilder items = new StringBuilder();
            for (String item : this.items.split(";")) {
                StringBuilder cls = new StringBuilder();
                for (String c : item.split(",")) {
                    int eq = c.indexOf('=');
                    cls.append(cls.length() == 0 ? "" : ",").append(q(c.substring(0, eq).strip())).append(':')
                            .append(q(c.substring(eq + 1).strip()));
                }
                items.append(items.length() == 0 ? "" : ",").append("{\"description\":\"item\",\"classification\":{")
                        .append(cls).append("}}");
            }
            String type = endUserType.equals("-") ? "" : ",\"type\":" + q(endUserType);
            StringBuilder fl = new StringBuilder();
            for (String f : flags) {
                fl.append(fl.length() == 0 ? "" : ",").append(q(f));
            }
            return "{\"id\":" + q(name) + ",\"date\":" + q(date.toString()) + ",\"exporter\":{\"name\":\"Exporter\","
                    + "\"country\":" + q(exporter) + "},\"items\":[" + items + "],\"destination\":" + q(destination)
                    + ",\"parties\":[{\"role\":\"end-user\",\"name\":" + q(endUserName) + ",\"country\":"
                    + q(destination) + type + "}],\"flags\":[" + fl + "]}";
        }

        private static String q(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RegressionTableTest.class.getResourceAsStream(TABLE), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 11) {
                    throw new IllegalStateException(TABLE + ":" + n + ": expected 11 tab-separated columns, got " + f.length);
                }
                out.add(new Case(n, f[0], LocalDate.parse(f[1]), f[2], f[3], f[4], f[5], f[6], words(f[7], ","),
                        words(f[8], " "), words(f[9], " "), f[10]));
            }
        }
        return out;
    }

    private static List<String> words(String s, String sep) {
        return s.equals("-") || s.isBlank() ? List.of() : List.of(s.strip().split(sep));
    }

    @Test
    void theTableIsLargeUniqueAndSaysWhy() throws IOException {
        List<Case> all = cases();
        assertTrue(all.size() >= 40, "at least 40 cases, found " + all.size());
        Set<String> names = new HashSet<>();
        for (Case c : all) {
            assertTrue(names.add(c.name()), "case name used twice: " + c);
            assertFalse(c.why().isBlank(), "every case says why: " + c);
            assertFalse(c.expect().isEmpty() && c.findings().isEmpty(), "every case expects something: " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsTheSourcesSay(Case c) throws Exception {
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(c.json()), c.date());
        String context = c + " - " + c.why() + "\n" + d.toJson();
        for (String e : c.expect()) {
            boolean negated = e.contains("!=");
            String[] kv = e.split(negated ? "!=" : "=", 2);
            Outcome want = Outcome.valueOf(kv[1]);
            Outcome got = kv[0].equals("overall") ? d.outcome() : regime(d, kv[0])
                    .orElseThrow(() -> new AssertionError(kv[0] + " does not apply: " + context)).outcome();
            if (negated) {
                assertNotEquals(want, got, e + ": " + context);
            } else {
                assertEquals(want, got, e + ": " + context);
            }
        }
        for (String f : c.findings()) {
            if (f.startsWith("!")) {
                assertTrue(d.findings().stream().noneMatch(x -> x.rule().equals(f.substring(1))), f + ": " + context);
            } else if (f.startsWith("capped:")) {
                Finding x = finding(d, f.substring("capped:".length()), context);
                assertEquals(Outcome.REVIEW, x.outcome(), f + ": " + context);
                assertTrue(x.cap() != null && x.reason().startsWith("capped: "), f + ": " + context);
            } else {
                String[] kv = f.split("=", 2);
                assertEquals(Outcome.valueOf(kv[1]), finding(d, kv[0], context).outcome(), f + ": " + context);
            }
        }
    }

    @Test
    void noFindingBlocksOrClearsOnAWeakFactAlone() throws Exception {
        for (Case c : cases()) {
            Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(c.json()), c.date());
            for (Finding f : d.findings()) {
                boolean weak = !f.provenance().authoritative()
                        || f.provenance().verified() == org.exportguard.policy.pack.Verification.UNVERIFIED;
                if (weak && (f.outcome() == Outcome.BLOCKED || f.outcome() == Outcome.CLEARED)) {
                    fail(c + ": " + f.rule() + " says " + f.outcome() + " on a weak fact: " + d.toJson());
                }
            }
        }
    }

    private static Optional<RegimeDecision> regime(Decision d, String id) {
        return d.regimes().stream().filter(r -> r.regime().equals(id)).findFirst();
    }

    private static Finding finding(Decision d, String rule, String context) {
        return d.findings().stream().filter(x -> x.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + rule + ": " + context));
    }
}
