package org.exportguard.cli.demo;

import org.exportguard.cli.CliText;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningQuery;

import java.util.List;

/** Screens a few names that show what the engine does: exact, typo, reordered, alias, other script, clean. */
public final class ScreeningShowcase implements DemoSection {
    /** One demonstrated query. */
    public record Case(String what, String name, PartyType type) {
    }

    public static final List<Case> CASES = List.of(
            new Case("exact name", "BANCO NACIONAL DE CUBA", PartyType.ORGANIZATION),
            new Case("typo", "Positive Tecnologies", PartyType.ORGANIZATION),
            new Case("reordered \"LAST, First\"", "AL-ZAWAHIRI, Aiman Muhammed Rabi", PartyType.PERSON),
            new Case("alias", "Saito Tech Ltd.", PartyType.ORGANIZATION),
            new Case("non-Latin script", "أيمن محمد ربيع الظواهري", PartyType.PERSON),
            new Case("clean name (no hit expected)", "Northwind Traders Ltd", PartyType.ORGANIZATION));

    private static final int LIMIT = 3;

    @Override
    public String title() {
        return "Screening: names against the sample lists (threshold "
                + CliText.score(NameMatcher.DEFAULT_THRESHOLD) + ", best " + LIMIT + " hits)";
    }

    @Override
    public void run(DemoEnv env) {
        for (Case c : CASES) {
            List<ScreeningHit> hits = env.index().screen(new ScreeningQuery(c.name(), c.type(), null, null),
                    NameMatcher.DEFAULT_THRESHOLD, LIMIT);
            env.out().println(c.what() + ": \"" + c.name() + "\" (" + c.type().label() + ")");
            if (hits.isEmpty()) {
                env.out().println("  no hit at or above the threshold");
                env.out().println();
                continue;
            }
            CliText.Table t = new CliText.Table("score", "list", "id", "listed name", "matched name", "why");
            for (ScreeningHit h : hits) {
                t.row(CliText.score(h.score()), h.party().source(), h.party().sourceId(), h.party().primaryName(),
                        h.matchedName(), h.explanation() == null ? "" : h.explanation().toText());
            }
            env.out().print(t.render("  "));
            env.out().println();
        }
    }
}
