package org.exportguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small text helpers: one-line messages, number formats, plain-text tables. Text from deals and lists reaches the
 * terminal only through {@link #safe} (tables and messages do it themselves): a name holding ESC sequences or bidi
 * controls must not recolour, move the cursor or reorder what an analyst reads.
 */
public final class CliText {
    private CliText() {
    }

    /** {@code s} on one line (line breaks and tabs become spaces), control characters escaped ({@link #safe}). */
    public static String oneLine(String s) {
        return s == null ? "" : safe(s.replaceAll("[\\r\\n\\t]+", " ").trim());
    }

    /**
     * {@code s} with every character a terminal would act on instead of show written as {@code \\uXXXX}: C0 controls
     * (ESC included) but line feed and tab, DEL, C1 controls, the bidi controls (U+061C, U+200E/F, U+202A-202E,
     * U+2066-2069) and the line and paragraph separators.
     */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (acts(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean acts(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E
                || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028
                || c == 0x2029;
    }

    public static String score(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A table with a header row and columns padded to their widest cell; the last column is not padded. */
    public static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final int width;

        public Table(String... header) {
            this.width = header.length;
            rows.add(header);
        }

        public Table row(Object... cells) {
            String[] r = new String[width];
            for (int i = 0; i < width; i++) {
                r[i] = i < cells.length && cells[i] != null ? oneLine(String.valueOf(cells[i])) : "";
            }
            rows.add(r);
            return this;
        }

        public String render(String indent) {
            int[] w = new int[width];
            for (String[] r : rows) {
                for (int i = 0; i < width; i++) {
                    w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int n = 0; n < rows.size(); n++) {
                String[] r = rows.get(n);
                StringBuilder line = new StringBuilder(indent);
                for (int i = 0; i < width; i++) {
                    line.append(r[i]);
                    if (i < width - 1) {
                        line.append(" ".repeat(w[i] - r[i].codePointCount(0, r[i].length()) + 2));
                    }
                }
                sb.append(line.toString().stripTrailing()).append('\n');
                if (n == 0) {
                    StringBuilder rule = new StringBuilder(indent);
                    for (int i = 0; i < width; i++) {
                        rule.append("-".repeat(Math.max(1, w[i]))).append(i < width - 1 ? "  " : "");
                    }
                    sb.append(rule).append('\n');
                }
            }
            return sb.toString();
        }
    }
}
