package org.exportguard.policy;

import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.FuzzRun;
import org.exportguard.testkit.Mutator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deal parser against {@link Mutator#INPUTS} mutated deals ({@code -Dfuzz.inputs=N}, {@code -Dfuzz.seed=N}):
 * each is parsed or refused with a {@link DealFormatException} naming the field (or, for broken JSON, the line
 * and column); no other exception, no hang.
 */
class DealParserFuzzTest {
    @Test
    void dealJson() throws Exception {
        DealParser parser = new DealParser(PackLoader.loadDefault());
        List<byte[]> seeds = List.of(
                bytes(DealJson.usSoftware("d-1", "NSO Group", "IL").endUse("lawful interception").json()),
                bytes(DealJson.intrusionSoftware("d-2", "AE", "Ministry of Interior", "2021-12-01")
                        .party("consignee", "Gulf Freight LLC", "AE", "non-government").flag("human-rights-concern")
                        .json()),
                bytes(DealJson.deal("d-3").date("2027-01-31").exporter("Cyber GmbH", "DE")
                        .itemClassified("probe", "EU-2021-821", "5A001.j", "US-EAR", "5A001.j").destination("CN")
                        .party("end-user", "Beijing Data Ltd", "CN", "non-government")
                        .party("intermediate", "HK Trading", "HK", "individual").extra("note", "x").json()));
        FuzzRun.Result r = FuzzRun.run("deal-json", seeds, DealFormatException.class,
                m -> m != null && !m.isBlank() && !m.contains("Exception"),
                input -> parser.parse(new String(input, StandardCharsets.UTF_8)));
        System.out.println(r.summary());
        assertTrue(r.findings().isEmpty(), () -> r.summary() + "\n" + String.join("\n", r.findings()));
        assertTrue(r.accepted() > 0 && r.refused() > 0, "the inputs must both pass and fail: " + r.summary());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
