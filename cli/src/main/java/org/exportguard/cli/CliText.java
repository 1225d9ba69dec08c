package org.exportguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text helpers: one-line messages, number formats, plain-text tables. */
public final class CliText {
    private CliText() {
    }

    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").trim();
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
