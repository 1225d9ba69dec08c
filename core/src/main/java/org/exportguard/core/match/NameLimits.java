package org.exportguard.core.match;

import java.util.Locale;

/**
 * How long a name to screen or match may be. Real names, with every alias word and legal form, stay far below
 * these; a query beyond them is refused with the reason instead of being screened: one 70 KB word used to make
 * the index's typo keys (one deletion per letter) run a server out of memory. Listed names are not checked (they
 * come from the lists, not from a caller), and the index bounds its keys for any word anyway.
 */
public final class NameLimits {
    /**
     * Most characters of a query name. The longest name on the shared lists has 324 (a UN alias field holding
     * several names), the longest OFAC alias 147: three times the longest leaves room for any real name.
     */
    public static final int MAX_CHARS = 1000;
    /** Most words (white-space separated) of a query name; the longest listed name has 45. */
    public static final int MAX_WORDS = 100;

    private NameLimits() {
    }

    /** Why {@code name} is over the limits, or null when it is within them. */
    public static String problem(String name) {
        if (name == null) {
            return null;
        }
        if (name.length() > MAX_CHARS) {
            return String.format(Locale.ROOT, "name too long: %,d characters (at most %d)", name.length(), MAX_CHARS);
        }
        if (name.length() < 2 * MAX_WORDS) {
            // Words are separated by white space, so a name this short cannot have more than MAX_WORDS of them:
            // no need to count them (every query passes here).
            return null;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < name.length(); i++) {
            boolean space = Character.isWhitespace(name.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        if (words > MAX_WORDS) {
            return String.format(Locale.ROOT, "name has too many words: %d (at most %d)", words, MAX_WORDS);
        }
        return null;
    }

    /** Throws {@link NameTooLongException} when {@code name} is over the limits. */
    public static void check(String name) {
        String p = problem(name);
        if (p != null) {
            throw new NameTooLongException(p);
        }
    }

    /** A query name over {@link NameLimits}: the message says which limit and by how much. */
    public static final class NameTooLongException extends IllegalArgumentException {
        public NameTooLongException(String message) {
            super(message);
        }
    }
}
