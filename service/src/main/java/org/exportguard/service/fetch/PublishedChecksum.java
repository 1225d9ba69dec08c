package org.exportguard.service.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 a publisher's hash file gives for one file: the text holds 64-hex-digit digests, either one alone or
 * one per line beside the file's name (as {@code sha256sum} writes them: {@code HEX  sdn.csv}, or
 * {@code sdn.csv: HEX}). The file's line is matched by name, case-insensitively (OFAC names its files SDN.CSV and
 * sdn.csv alike).
 */
final class PublishedChecksum {
    private static final Pattern DIGEST = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])");

    private PublishedChecksum() {
    }

    /**
     * The digest {@code text} gives for {@code fileName} (lower-case hex).
     *
     * @throws IllegalArgumentException when it gives none, or several and none on a line naming the file
     */
    static String of(String text, String fileName) {
        List<String> all = new ArrayList<>();
        String named = null;
        String wanted = fileName.toLowerCase(Locale.ROOT);
        for (String line : text.split("\\R")) {
            Matcher m = DIGEST.matcher(line);
            while (m.find()) {
                all.add(m.group().toLowerCase(Locale.ROOT));
                if (named == null && mentions(line.toLowerCase(Locale.ROOT), wanted)) {
                    named = m.group().toLowerCase(Locale.ROOT);
                }
            }
        }
        if (named != null) {
            return named;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new IllegalArgumentException(all.isEmpty() ? "it holds no SHA-256 (64 hex digits)"
                : "it holds " + all.size() + " SHA-256 digests and none on a line naming " + fileName);
    }

    /** Whether {@code line} names {@code file} as a whole word (not {@code cons_sdn.csv} for {@code sdn.csv}). */
    private static boolean mentions(String line, String file) {
        int at = line.indexOf(file);
        while (at >= 0) {
            boolean startOk = at == 0 || !isNameChar(line.charAt(at - 1));
            int end = at + file.length();
            boolean endOk = end == line.length() || !isNameChar(line.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = line.indexOf(file, at + 1);
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
