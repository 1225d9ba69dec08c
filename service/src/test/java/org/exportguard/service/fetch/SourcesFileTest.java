package org.exportguard.service.fetch;

import org.exportguard.lists.ListFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sources file: what it says, defaults, and every mistake refused naming the file and the key. */
class SourcesFileTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedFileNamesEveryPublisherWithItsOfficialAddresses() {
        SourcesFile f = SourcesFile.shipped();
        assertEquals(List.of("OFAC-SDN", "OFAC-CONS", "US-CSL", "BIS-DPL", "UN-SC", "EU-FSF", "UK-SL",
                "OS-CH_SECO_SANCTIONS"), f.sources().stream().map(SourceSpec::id).toList());
        SourceSpec sdn = f.get("OFAC-SDN").orElseThrow();
        assertEquals(ListFormat.OFAC_CSV, sdn.format());
        assertEquals(List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
                sdn.urls().stream().map(SourceSpec.SourceUrl::file).toList());
        assertTrue(sdn.urls().stream().allMatch(u -> u.uri().toString()
                .startsWith("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/")));
        assertEquals(List.of("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
                f.get("OFAC-CONS").orElseThrow().urls().stream().map(SourceSpec.SourceUrl::file).toList());
        assertEquals(URI.create("https://scsanctions.un.org/resources/xml/en/consolidated.xml"),
                f.get("UN-SC").orElseThrow().urls().get(0).uri());
        assertEquals(URI.create("https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"),
                f.get("US-CSL").orElseThrow().urls().get(0).uri());
        assertEquals("eu-fsf.xml", f.get("EU-FSF").orElseThrow().urls().get(0).file());
        assertEquals(URI.create("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"),
                f.get("UK-SL").orElseThrow().urls().get(0).uri());
        SourceSpec os = f.get("OS-CH_SECO_SANCTIONS").orElseThrow();
        assertFalse(os.enabled(), "OpenSanctions data is licensed for non-commercial use: off unless asked for");
        assertEquals(URI.create("https://data.opensanctions.org/datasets/latest/ch_seco_sanctions/entities.ftm.json"),
                os.urls().get(0).uri());
        assertFalse(f.enabled().contains(os));
        assertTrue(f.sources().stream().allMatch(s -> s.maxAgeDays() == 2), "daily lists: 2 days");
        assertTrue(f.sources().stream().allMatch(s -> s.urls().stream()
                .allMatch(u -> u.uri().getScheme().equals("https"))));
    }

    @Test
    void defaultsAndEveryOption() throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), """
                sources:
                  UN-SC:
                    format: un-xml
                    urls: [http://127.0.0.1:1/un.xml]
                  US-CSL:
                    format: csl-json
                    maxAgeDays: 7
                    timeoutSeconds: 5
                    maxMiB: 64
                    enabled: false
                    urls:
                      - url: http://127.0.0.1:1/download?file=x
                        file: csl.json
                """);
        SourcesFile f = SourcesFile.load(file);
        SourceSpec un = f.get("UN-SC").orElseThrow();
        assertEquals(2, un.maxAgeDays());
        assertEquals(Duration.ofSeconds(60), un.timeout());
        assertEquals(512L << 20, un.maxBytes());
        assertTrue(un.enabled());
        assertEquals("un.xml", un.urls().get(0).file());
        SourceSpec csl = f.get("US-CSL").orElseThrow();
        assertEquals(7, csl.maxAgeDays());
        assertEquals(Duration.ofSeconds(5), csl.timeout());
        assertEquals(64L << 20, csl.maxBytes());
        assertFalse(csl.enabled());
        assertEquals("csl.json", csl.urls().get(0).file());
        assertEquals(List.of(un), f.enabled());
    }

    @Test
    void aFileNamesItsExpectedChecksumInlineOrAsThePublishersHashFile() throws Exception {
        String sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        Path file = Files.writeString(tmp.resolve("s.yaml"), """
                sources:
                  UN-SC:
                    format: un-xml
                    urls:
                      - url: https://example.org/un.xml
                        sha256: %s
                  US-CSL:
                    format: csl-csv
                    urls:
                      - url: https://example.org/csl.csv
                        sha256Url: https://example.org/csl.csv.sha256
                  BIS-DPL:
                    format: dpl-tsv
                    urls: [https://example.org/dpl.txt]
                """.formatted(sha));
        SourcesFile f = SourcesFile.load(file);
        assertEquals(new SourceSpec.Checksum(sha.toLowerCase(java.util.Locale.ROOT), null),
                f.get("UN-SC").orElseThrow().urls().get(0).checksum());
        assertEquals(new SourceSpec.Checksum(null, URI.create("https://example.org/csl.csv.sha256")),
                f.get("US-CSL").orElseThrow().urls().get(0).checksum());
        assertEquals(null, f.get("BIS-DPL").orElseThrow().urls().get(0).checksum(), "none given: none checked");

        String u = "sources:\n  UN-SC:\n    format: un-xml\n    urls:\n      - url: https://x/un.xml\n";
        refused(u + "        sha256: abc\n", "sources.UN-SC.urls[0].sha256: not a SHA-256 (64 hex digits): 'abc'");
        refused(u + "        sha256Url: ftp://x/un.sha\n", "sources.UN-SC.urls[0].sha256Url: not an http or https URL");
        refused(u + "        sha256: " + sha + "\n        sha256Url: https://x/s\n",
                "sources.UN-SC.urls[0]: give sha256 or sha256Url, not both");
    }

    @Test
    void aHashFileGivesTheDigestOfTheFileItNames() {
        String a = "a".repeat(64);
        String b = "B".repeat(64);
        assertEquals(a, PublishedChecksum.of(a + "\n", "sdn.csv"), "one digest alone");
        assertEquals("b".repeat(64), PublishedChecksum.of(a + "  CONS_SDN.CSV\n" + b + "  SDN.CSV\n", "sdn.csv"),
                "the line naming the file (as a whole name, in any case)");
        assertEquals(a, PublishedChecksum.of("SDN.CSV: " + a + "\nALT.CSV: " + b + "\n", "sdn.csv"));
        assertThrows(IllegalArgumentException.class, () -> PublishedChecksum.of(a + "  X.CSV\n" + b + "  Y.CSV\n",
                "sdn.csv"), "several digests, none for the file: no guess");
        assertThrows(IllegalArgumentException.class, () -> PublishedChecksum.of("<html>hash values</html>",
                "sdn.csv"));
    }

    @Test
    void mistakesAreRefusedNamingTheFileAndTheKey() {
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls: [http://x/un.xml]\n    maxAge: 2\n",
                "sources.UN-SC.maxAge: unknown key");
        refused("source:\n  UN-SC: {}\n", "source: unknown key");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls:\n      - url: http://x/un.xml\n        name: a\n",
                "sources.UN-SC.urls[0].name: unknown key");
        refused("sources:\n  UN:\n    format: un-xml\n    urls: [http://x/un.xml]\n", "sources.UN: unknown source id 'UN'");
        refused("sources:\n  ../x:\n    format: un-xml\n    urls: [http://x/un.xml]\n", "unknown source id '../x'");
        refused("sources:\n  UN-SC:\n    format: xml\n    urls: [http://x/un.xml]\n", "sources.UN-SC.format: unknown format 'xml'");
        refused("sources:\n  US-CSL:\n    format: un-xml\n    urls: [http://x/un.xml]\n",
                "sources.US-CSL.format: US-CSL is not published as 'un-xml' (expected csl-csv or csl-json)");
        refused("sources:\n  OS-EU_FSF:\n    format: eu-fsf-xml\n    urls: [http://x/e.json]\n",
                "sources.OS-EU_FSF.format: OS-EU_FSF is not published as 'eu-fsf-xml' (expected ftm-json)");
        refused("sources:\n  UN-SC:\n    format: un-xml\n", "sources.UN-SC.urls: missing");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls: []\n", "sources.UN-SC.urls: expected a list");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls: [http://x/a.xml, http://x/b.xml]\n",
                "sources.UN-SC.urls: a un-xml source is one file");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls: [ftp://x/un.xml]\n",
                "sources.UN-SC.urls[0]: not an http or https URL");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls: [http://x/]\n",
                "sources.UN-SC.urls[0]: the URL's path does not end in a file name");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls:\n      - url: http://x/u\n        file: ../un.xml\n",
                "sources.UN-SC.urls[0].file: '../un.xml' is not a plain file name");
        refused("sources:\n  OFAC-SDN:\n    format: ofac-csv\n    urls: [http://x/sdn.csv, http://y/sdn.csv]\n",
                "sources.OFAC-SDN.urls[1]: file name 'sdn.csv' is used twice");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    maxAgeDays: 0\n    urls: [http://x/un.xml]\n",
                "sources.UN-SC.maxAgeDays: 0 is out of range");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    maxAgeDays: two\n    urls: [http://x/un.xml]\n",
                "sources.UN-SC.maxAgeDays: expected a whole number");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    enabled: yes\n    urls: [http://x/un.xml]\n",
                "sources.UN-SC.enabled: expected true or false");
        refused("sources:\n  UN-SC:\n    format: un-xml\n    urls: [http://x/un.xml]\n  UN-SC:\n    format: un-xml\n"
                + "    urls: [http://x/un.xml]\n", "not valid YAML");
        refused("sources: {}\n", "sources: no source given");
        refused("- a\n", "(top level): expected a map");
    }

    private void refused(String yaml, String expected) {
        SourcesFileException e = assertThrows(SourcesFileException.class, () -> SourcesFile.parse("my.yaml", yaml),
                yaml);
        assertTrue(e.getMessage().startsWith("my.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
