package org.exportguard.lists.io;

/** Small text helpers the readers share. */
public final class Texts {
    private Texts() {
    }

    /**
     * Trimmed as {@link String#trim()} does, then every run of white space ({@code \s}: space, tab, line feed,
     * vertical tab, form feed, carriage return) made one space: the line breaks of a file's layout and doubled
     * spaces go, the name stays. Null and blank give null. The same as {@code s.trim().replaceAll("\\s+", " ")}
     * without compiling a regex for every value, and the same string back when there is nothing to change.
     */
    public static String collapse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        int n = t.length();
        int i = 0;
        while (i < n && !(space(t.charAt(i)) && (t.charAt(i) != ' ' || space(t.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return t;
        }
        StringBuilder sb = new StringBuilder(n).append(t, 0, i);
        while (i < n) {
            char c = t.charAt(i++);
            if (space(c)) {
                sb.append(' ');
                while (i < n && space(t.charAt(i))) {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
