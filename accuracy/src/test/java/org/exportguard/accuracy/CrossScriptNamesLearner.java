package org.exportguard.accuracy;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.match.CrossScriptNames;
import org.exportguard.core.match.NameTokenizer;
import org.exportguard.core.match.NameTokens;
import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * Learns how a Latin name and a name written word by word in Hangul are judged as whole names
 * ({@link CrossScriptNames}): the evidence each word needs of its own and the evidence the words' sum needs, from the
 * tuning half of the shared transliteration set, and writes them into core's resources. Run from the project root:
 *
 * <pre>mvn -B -o -pl accuracy -am test -Dtest=CrossScriptNamesLearner -Dsurefire.failIfNoSpecifiedTests=false -Dtranslit.learn=true</pre>
 *
 * <p>Without {@code -Dtranslit.learn=true} the test fails when the committed resource is not what the tuning half and
 * the committed model teach (regenerate it after the model). The names are the Korean pairs of the tuning half with as
 * many Latin as Hangul words (2 to 4). The sum's threshold is the evidence that {@value #NEGATIVE_ACCEPT} of mismatched
 * names reach (each Hangul name against the Latin names of {@value #NEGATIVES_PER_NAME} other pairs of as many words):
 * the rate the model's threshold for one word is set at, a name now standing where a word stood; each word must have
 * {@link #WORD_MINIMUM}. The similarity's scale is the model's (nats per point of similarity).
 */
public final class CrossScriptNamesLearner {
    static final double NEGATIVE_ACCEPT = 0.001;
    static final int NEGATIVES_PER_NAME = 200;
    /**
     * Evidence each word needs, nats: more likely a spelling of its Hangul word than any Latin name. Chosen a priori,
     * not fitted: the mismatched names the threshold is set on are other people altogether, and cannot show the danger
     * it guards against (one strong word carrying another surname); the resource reports how many namesakes pass.
     */
    static final double WORD_MINIMUM = 0;
    static final String RESOURCE = "../core/src/main/resources/org/exportguard/core/match/cross-script-names.txt";
    static final String MODEL_RESOURCE =
            "../core/src/main/resources/org/exportguard/core/match/translit/transliteration-model.tsv";

    /** A tuning pair, tokenised as the engine tokenises it. */
    record Name(NameTokens hangul, NameTokens latin) {
        List<String> latinWords() {
            return List.of(latin.text);
        }
    }

    private static final NameTokenizer TOKENIZER = new NameTokenizer();

    @Test
    void theCommittedCalibrationIsWhatTheTuningHalfTeaches() throws Exception {
        String learned = learn();
        LearnedResource.writeOrCheck(RESOURCE, learned, CrossScriptNamesLearner.class);
    }

    static String learn() throws Exception {
        List<Name> names = tuningNames();
        List<double[][]> positives = new ArrayList<>();
        List<double[][]> negatives = new ArrayList<>();
        List<double[][]> namesakes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Name n = names.get(i);
            positives.add(CrossScriptNames.pairingEvidence(n.hangul(), n.latin()));
            negatives.addAll(mismatched(names, i));
            namesakes.addAll(namesakes(names, i));
        }
        double threshold = threshold(negatives, WORD_MINIMUM);
        return "# Learned by accuracy/src/test/java/org/exportguard/accuracy/CrossScriptNamesLearner.java from the tuning half of\n"
                + "# ../shared/data/dev/transliteration-pairs-sample.tsv and the committed transliteration-model.tsv.\n"
                + "# C: evidence (nats) each word needs, evidence the sum needs for 0.85 (" + NEGATIVE_ACCEPT
                + " of mismatched names reach it), nats per point.\n"
                + "# " + names.size() + " Korean names of 2-4 words: " + passing(positives, threshold)
                + " pass; mismatched names " + passing(negatives, threshold) + " of " + negatives.size()
                + "; namesakes (one word another name's) " + passing(namesakes, threshold) + " of " + namesakes.size()
                + "\n" + String.format(Locale.ROOT, "C\t%.2f\t%.2f\t%.2f%n", WORD_MINIMUM, threshold, natsPerPoint());
    }

    /** How many of the names reach the threshold, each word with the minimum. */
    static int passing(List<double[][]> names, double threshold) {
        int n = 0;
        for (double[][] p : names) {
            double b = best(p, WORD_MINIMUM);
            n += Double.isFinite(b) && b >= threshold ? 1 : 0;
        }
        return n;
    }

    /** The best pairing's sum, or -inf. */
    static double best(double[][] pairings, double minimum) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] words : pairings) {
            best = Math.max(best, CrossScriptNames.sum(words, minimum));
        }
        return best;
    }

    /**
     * The evidence {@link #NEGATIVE_ACCEPT} of the mismatched names reach, each word with the minimum; when fewer than
     * that have the minimum at all, the least sum a whole name can have (two words weighed, each at the minimum): the
     * minimum alone then keeps mismatched names under the rate.
     */
    static double threshold(List<double[][]> negatives, double minimum) {
        double[] s = negatives.stream().mapToDouble(n -> best(n, minimum)).sorted().toArray();
        double t = s[(int) Math.floor(s.length * (1 - NEGATIVE_ACCEPT))];
        return Double.isFinite(t) ? t : 2 * minimum;
    }

    /**
     * Name {@code i}'s Hangul words against its own Latin name with one word another name's (20 other names of as
     * many words): a namesake, who shares a given name or a surname. Not used to learn; the resource says how many
     * pass, the danger the per-word minimum guards against.
     */
    static List<double[][]> namesakes(List<Name> names, int i) {
        Name n = names.get(i);
        List<double[][]> out = new ArrayList<>();
        for (int step = 1, others = 0; step < names.size() && others < 20; step++) {
            Name other = names.get((i + step) % names.size());
            if (other.latin().size() != n.latin().size()) {
                continue;
            }
            others++;
            for (int k = 0; k < n.latin().size(); k++) {
                if (!other.latin().text[k].equals(n.latin().text[k])) {
                    List<String> l = new ArrayList<>(n.latinWords());
                    l.set(k, other.latin().text[k]);
                    NameTokens namesake = TOKENIZER.tokenize(String.join(" ", l), PartyType.PERSON);
                    double[][] e = CrossScriptNames.pairingEvidence(n.hangul(), namesake);
                    if (e != null) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** Name {@code i}'s Hangul words against the Latin words of other names of as many words. */
    static List<double[][]> mismatched(List<Name> names, int i) {
        Name n = names.get(i);
        List<double[][]> out = new ArrayList<>();
        for (int step = 1; step < names.size() && out.size() < NEGATIVES_PER_NAME; step++) {
            Name other = names.get((i + step) % names.size());
            if (other.latin().size() == n.latin().size() && !other.latin().joined().equals(n.latin().joined())) {
                out.add(CrossScriptNames.pairingEvidence(n.hangul(), other.latin()));
            }
        }
        return out;
    }

    /** Korean pairs of the tuning half that the engine reads as a Latin and a Hangul name of as many words (2 to 4). */
    static List<Name> tuningNames() throws Exception {
        List<Name> out = new ArrayList<>();
        for (CSVRecord r : DevSets.csv("transliteration-pairs-sample.tsv", '\t')) {
            String latin = r.get("latin");
            String hangul = r.get("native");
            if (!r.get("lang").equals("ko") || !TransliterationSplit.isTuning("ko", latin, hangul)) {
                continue;
            }
            NameTokens h = TOKENIZER.tokenize(hangul, PartyType.PERSON);
            NameTokens l = TOKENIZER.tokenize(latin, PartyType.PERSON);
            if (CrossScriptNames.pairingEvidence(h, l) != null) {
                out.add(new Name(h, l));
            }
        }
        return out;
    }

    /** The model's nats per point of similarity, from its calibration line. */
    static double natsPerPoint() throws Exception {
        for (String line : Files.readAllLines(Path.of(MODEL_RESOURCE), StandardCharsets.UTF_8)) {
            if (line.startsWith("C\t")) {
                return Double.parseDouble(line.split("\t")[2]);
            }
        }
        throw new IllegalStateException("no calibration line in " + MODEL_RESOURCE);
    }
}
