package org.exportguard.cli.deals;

import org.exportguard.cli.CliText;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.RegimeDecision;

/** The human rendering of a decision: outcome, versions, and one row per finding with its reason and basis. */
public final class DecisionTable {
    private DecisionTable() {
    }

    public static String render(Decision d) {
        StringBuilder sb = new StringBuilder();
        sb.append("deal ").append(d.dealId()).append(" as of ").append(d.asOf()).append(": ").append(d.outcome())
          .append('\n');
        sb.append("  policy ").append(d.policyVersion()).append('\n');
        d.listVersions().forEach((id, v) -> sb.append("  list ").append(id).append(' ').append(shortVersion(v))
                .append('\n'));
        CliText.Table t = new CliText.Table("regime", "outcome", "rule", "about", "reason", "citation", "source");
        for (RegimeDecision r : d.regimes()) {
            if (r.findings().isEmpty()) {
                t.row(r.regime(), r.outcome(), "-", "-", "no finding", "", "");
            }
            for (Finding f : r.findings()) {
                t.row(r.regime(), f.outcome(), f.rule(), f.subject(), f.reason(), f.citation(),
                        "verified: " + f.provenance().verified().label()
                                + (f.provenance().authoritative() ? "" : ", NOT authoritative"));
            }
        }
        sb.append(t.render("  "));
        return sb.toString();
    }

    /** {@code sha256:} and the first 12 hex digits: enough to tell versions apart on screen. */
    static String shortVersion(String v) {
        return v.startsWith("sha256:") && v.length() > 19 ? v.substring(0, 19) : v;
    }
}
