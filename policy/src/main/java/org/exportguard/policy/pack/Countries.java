package org.exportguard.policy.pack;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isCode(String s) {
        return s != null && CODES.contains(s);
    }
}
