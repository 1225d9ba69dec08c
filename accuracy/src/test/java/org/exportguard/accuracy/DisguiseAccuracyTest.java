package org.exportguard.accuracy;

import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.screen.ScreeningQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each disguise of issue 14 applied to real listed names (every third entry of the OFAC SDN, OFAC consolidated, UN
 * (Latin and Arabic script), BIS Denied Persons and CSL lists), screened against all of them at the default
 * threshold: the disguised name must still find its own entry among the top-scored hits. A disguise that does not
 * apply to a name (no word long enough, no letter with a look-alike) skips it, so each figure counts only names
 * really disguised. Floors in {@link Floors}.
 */
class DisguiseAccuracyTest {
    /** Latin capitals and small letters with a Cyrillic look-alike (А В Е Н К М О Р С Т Х Ѕ І а е о р с х у). */
    private static final String LATIN = "ABEHKMOPCTXSIaeopcxy";
    private static final String CYRILLIC = "\u0410\u0412\u0415\u041D\u041A\u041C\u041E\u0420\u0421\u0422\u0425"
            + "\u0405\u0406\u0430\u0435\u043E\u0440\u0441\u0445\u0443";

    @Test
    void disguisedListedNamesStillFindTheirEntry() throws Exception {
        List<PartyList> lists = DevSets.lists("ofac-sdn-2021", "ofac-cons-2025", "un-consolidated-2026-02-27.xml",
                "bis-dpl-2022-09.txt", "us-csl-sample-2019.csv");
        ScreeningIndex index = ScreeningIndex.build(lists);
        Map<String, UnaryOperator<String>> disguises = new java.util.LinkedHashMap<>();
        disguises.put("soft hyphen inside the longest word", n -> insideLongestWord(n, 4, w ->
                w.substring(0, w.length() / 2) + "\u00AD" + w.substring(w.length() / 2)));
        disguises.put("one Cyrillic look-alike letter", n -> insideLongestWord(n, 3, DisguiseAccuracyTest::lookAlike));
        disguises.put("one digit for a letter", n -> insideLongestWord(n, 4, DisguiseAccuracyTest::digitForLetter));
        disguises.put("trade-mark sign glued on", n -> n + "\u2122");
        disguises.put("first two words joined", DisguiseAccuracyTest::joinFirstTwo);
        disguises.put("longest word split", n -> insideLongestWord(n, 8, w ->
                w.substring(0, w.length() / 2) + " " + w.substring(w.length() / 2)));
        disguises.put("typo in a generic or legal-form word", DisguiseAccuracyTest::genericTypo);
        disguises.put("m written as rn", n -> insideLongestWord(n, 3, DisguiseAccuracyTest::mAsRn));
        disguises.put("capital I written as small l", n -> insideLongestWord(n, 3, w ->
                w.equals(w.toUpperCase(java.util.Locale.ROOT)) && w.indexOf('I') >= 0 ? w.replaceFirst("I", "l") : null));
        List<String> below = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<String>> d : disguises.entrySet()) {
            int n = 0;
            int found = 0;
            int p = 0;
            for (ListedParty party : index.parties()) {
                if (p++ % 3 != 0) {
                    continue;
                }
                String disguised = d.getValue().apply(party.primaryName());
                if (disguised == null || disguised.equals(party.primaryName())) {
                    continue;
                }
                n++;
                List<ScreeningHit> hits = index.screen(new ScreeningQuery(disguised, PartyType.UNKNOWN, null, null),
                        NameMatcher.DEFAULT_THRESHOLD, 10);
                found += amongTop(hits, party) ? 1 : 0;
            }
            try {
                DevSets.atLeast("disguise: " + d.getKey(), found, n, Floors.DISGUISES.get(d.getKey()));
            } catch (AssertionError e) {
                below.add(e.getMessage());
            }
        }
        if (!below.isEmpty()) {
            fail(String.join("; ", below));
        }
    }

    private static boolean amongTop(List<ScreeningHit> hits, ListedParty party) {
        for (int i = 0; i < hits.size() && hits.get(i).score() == hits.get(0).score(); i++) {
            if (hits.get(i).party().source().equals(party.source())
                    && hits.get(i).party().sourceId().equals(party.sourceId())) {
                return true;
            }
        }
        return false;
    }

    /** The name with its longest word (at least {@code minLength} letters) changed, or null. */
    private static String insideLongestWord(String name, int minLength, UnaryOperator<String> change) {
        String[] words = name.split(" ");
        int longest = -1;
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= minLength && words[i].chars().allMatch(Character::isLetter)
                    && (longest < 0 || words[i].length() > words[longest].length())) {
                longest = i;
            }
        }
        if (longest < 0) {
            return null;
        }
        String changed = change.apply(words[longest]);
        if (changed == null) {
            return null;
        }
        words[longest] = changed;
        return String.join(" ", words);
    }

    private static String lookAlike(String word) {
        for (int i = 1; i < word.length(); i++) {
            int k = LATIN.indexOf(word.charAt(i));
            if (k >= 0) {
                return word.substring(0, i) + CYRILLIC.charAt(k) + word.substring(i + 1);
            }
        }
        return null;
    }

    private static String digitForLetter(String word) {
        for (int i = 1; i < word.length(); i++) {
            int k = "oOeEsS".indexOf(word.charAt(i));
            if (k >= 0) {
                return word.substring(0, i) + "003355".charAt(k) + word.substring(i + 1);
            }
        }
        return null;
    }

    /** The word's first m written "rn", which most type faces draw alike (kerning: "Harnas" for "Hamas"). */
    private static String mAsRn(String word) {
        int i = word.indexOf('m');
        int k = word.indexOf('M');
        int at = i < 0 ? k : k < 0 ? i : Math.min(i, k);
        if (at < 0) {
            return null;
        }
        return word.substring(0, at) + (word.charAt(at) == 'm' ? "rn" : "RN") + word.substring(at + 1);
    }

    private static String joinFirstTwo(String name) {
        String[] words = name.split(" ");
        if (words.length < 2 || words[0].length() < 2 || words[1].length() < 2
                || !words[0].chars().allMatch(Character::isLetter) || !words[1].chars().allMatch(Character::isLetter)) {
            return null;
        }
        return words[0] + words[1] + name.substring(words[0].length() + 1 + words[1].length());
    }

    /** Two adjacent inner letters swapped in a generic or legal-form word of five letters or more. */
    private static String genericTypo(String name) {
        String[] words = name.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i].replaceAll("[.,]$", "");
            if (List.of("GROUP", "LIMITED", "COMPANY", "CORPORATION", "INTERNATIONAL", "TECHNOLOGY", "TECHNOLOGIES",
                    "INDUSTRIES", "HOLDING", "HOLDINGS", "TRADING", "ENTERPRISES", "SERVICES")
                    .contains(w.toUpperCase(java.util.Locale.ROOT))) {
                words[i] = w.substring(0, 2) + w.charAt(3) + w.charAt(2) + w.substring(4);
                return String.join(" ", words);
            }
        }
        return null;
    }
}
