package org.exportguard.cli.deals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.UserException;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.json.Json;
import org.exportguard.service.ServiceException;
import org.exportguard.service.impact.EffectiveDateImpact;
import org.exportguard.service.impact.ImpactReportJson;
import org.exportguard.store.ChangeReport;
import org.exportguard.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code exportguard impact}: the latest change's report (which open deals a list or policy import re-decided, and
 * which changed outcome, why), or with {@code --on DATE} what the current policy's own dated changes do that day.
 */
@Command(name = "impact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the latest change's impact: the deals re-decided, and those whose outcome changed, why.",
                "--on DATE: the impact of the policy's own changes taking effect that day (a forecast; nothing stored)."})
public final class ImpactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "The report as JSON.")
    boolean json;

    @Option(names = "--on", paramLabel = "DATE", description = "A day (YYYY-MM-DD): what changes on it.")
    LocalDate on;

    @Mixin
    StoreOptions store;

    private final Context ctx;

    public ImpactCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode report;
        try (Store s = store.open()) {
            if (on != null) {
                report = ImpactReportJson.json(EffectiveDateImpact.report(s, new org.exportguard.service.Desk(s).current(),
                        on));
            } else {
                new org.exportguard.service.Desk(s).catchUp(store.actor()); // an import a crash cut short
                Optional<ChangeReport> latest = s.changeReports().latestChangeReport();
                if (latest.isEmpty()) {
                    throw new UserException("no change recorded yet in " + store.location().describe()
                            + ": import a list or policy version first");
                }
                ObjectNode out = shown(latest.get());
                // a multi-source import wrote one report per source: all of them are this change
                ArrayNode same = out.putArray("sameImport");
                for (ChangeReport other : s.changeReports().othersOfSameImport(latest.get().id())) {
                    same.add(shown(other));
                }
                report = out;
            }
        } catch (ServiceException e) {
            throw DealsCommand.failure(e);
        }
        ctx.out().print(json ? Json.pretty(report) + "\n" : CliText.safe(textWithSameImport(report)));
        return Main.EXIT_OK;
    }

    /** A stored report as shown: its id and time, then the report. */
    private static ObjectNode shown(ChangeReport c) throws java.io.IOException {
        ObjectNode out = Json.object();
        out.put("report", c.id());
        out.put("recordedAt", c.createdAt());
        out.setAll((ObjectNode) Json.MAPPER.readTree(c.reportJson()));
        return out;
    }

    /** The report, and after it the other reports of the same import (one per further source). */
    static String textWithSameImport(JsonNode r) {
        StringBuilder sb = new StringBuilder(text(r));
        JsonNode same = r.path("sameImport");
        int n = 1;
        for (JsonNode other : same) {
            sb.append("\n(the same import, source ").append(++n).append(" of ").append(same.size() + 1)
                    .append(": report ").append(other.path("report").asText()).append(")\n").append(text(other));
        }
        return sb.toString();
    }

    static String text(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        JsonNode c = r.path("change");
        String kind = c.path("kind").asText();
        if (kind.equals("list")) {
            sb.append("change: list ").append(c.path("source").asText()).append(" version ")
                    .append(c.path("version").asText()).append(" (previous: ")
                    .append(c.path("previousVersion").isNull() ? "none" : c.path("previousVersion").asText())
                    .append("): +").append(c.path("added").asInt()).append(" added, ")
                    .append(c.path("changed").asInt()).append(" changed, ").append(c.path("removed").asInt())
                    .append(" removed\n");
        } else if (kind.equals("list-age")) {
            for (JsonNode a : c.path("sources")) {
                sb.append("change: list ").append(a.path("source").asText()).append(" version ")
                        .append(a.path("version").asText()).append(' ').append(a.path("state").asText())
                        .append(" (last confirmed current ").append(a.path("confirmedAt").asText())
                        .append(", limit ").append(a.path("maxAgeDays").asText()).append(" days, stale from ")
                        .append(a.path("staleSince").asText()).append(")\n");
            }
        } else {
            sb.append("change: ").append(kind.equals("policy") ? "policy version " + c.path("version").asText()
                    : "policy " + c.path("policy").asText() + " on " + c.path("on").asText())
                    .append("; destinations touched: ")
                    .append(c.path("allDestinations").asBoolean() ? "all" : String.join(" ",
                            Json.MAPPER.convertValue(c.path("destinations"), String[].class)))
                    .append('\n');
        }
        sb.append("re-decided ").append(r.path("reevaluated").asInt()).append(" open deals (incremental: ")
                .append(r.path("incremental").asBoolean()).append("); ").append(r.path("changedCount").asInt())
                .append(" changed outcome, ").append(r.path("unchanged").asInt()).append(" unchanged\n");
        JsonNode screening = r.path("screening");
        if (screening.has("against")) {
            sb.append("screened against: ").append(screening.path("against").asText()).append('\n');
        }
        CliText.Table t = new CliText.Table("deal", "before", "after", "why");
        int shown = 0;
        for (JsonNode ch : r.path("changed")) {
            if (shown++ == 200) {
                break;
            }
            JsonNode reasons = ch.path("reasons");
            t.row(ch.path("dealId").asText(), ch.path("before").asText(), ch.path("after").asText(),
                    reasons.isEmpty() ? "" : reasons.get(0).asText());
        }
        if (shown > 0) {
            sb.append(t.render(""));
        }
        if (r.path("changedCount").asInt() > 200) {
            sb.append("... (").append(r.path("changedCount").asInt() - 200).append(" more: see --json)\n");
        }
        return sb.toString();
    }
}
