package org.exportguard.core.screen.evidence;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A country as the lists and callers write it (an ISO 3166-1 alpha-2 or alpha-3 code, an English name, a common
 * short or demonym form) to its alpha-2 code, or null when unknown. Names come from the JDK's own ISO tables
 * ({@link Locale#getISOCountries()}), plus the forms sanctions lists use that those tables do not give.
 */
public final class CountryCodes {
    private static final Map<String, String> CODES = build();

    private CountryCodes() {
    }

    /** The alpha-2 code of {@code text}, upper-case, or null when it names no country this table knows. */
    public static String code(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return CODES.get(key(text));
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale("", code);
            m.put(key(code), code);
            m.put(key(l.getISO3Country()), code);
            m.put(key(l.getDisplayCountry(Locale.ENGLISH)), code);
        }
        // Forms the lists use beyond the JDK's English names (OFAC, UN, EU and UK write these).
        String[][] extra = {
                {"russian federation", "RU"}, {"russia", "RU"}, {"russian", "RU"},
                {"iran islamic republic of", "IR"}, {"iran", "IR"}, {"iranian", "IR"},
                {"korea north", "KP"}, {"north korea", "KP"}, {"democratic people s republic of korea", "KP"},
                {"dprk", "KP"}, {"korea democratic people s republic of", "KP"},
                {"korea south", "KR"}, {"south korea", "KR"}, {"republic of korea", "KR"},
                {"syria", "SY"}, {"syrian arab republic", "SY"}, {"syrian", "SY"},
                {"burma", "MM"}, {"venezuela", "VE"}, {"bolivarian republic of venezuela", "VE"},
                {"united states", "US"}, {"usa", "US"}, {"united states of america", "US"}, {"american", "US"},
                {"united kingdom", "GB"}, {"uk", "GB"}, {"great britain", "GB"}, {"british", "GB"},
                {"united kingdom of great britain and northern ireland", "GB"},
                {"uae", "AE"}, {"congo democratic republic of the", "CD"},
                {"democratic republic of the congo", "CD"}, {"congo republic of the", "CG"},
                {"laos", "LA"}, {"lao people s democratic republic", "LA"}, {"vietnam", "VN"}, {"viet nam", "VN"},
                {"moldova", "MD"}, {"republic of moldova", "MD"}, {"tanzania", "TZ"},
                {"united republic of tanzania", "TZ"}, {"palestinian", "PS"}, {"west bank", "PS"}, {"gaza", "PS"},
                {"turkey", "TR"}, {"turkiye", "TR"}, {"czech republic", "CZ"}, {"ivory coast", "CI"},
                {"cote d ivoire", "CI"}, {"china", "CN"}, {"chinese", "CN"}, {"hong kong", "HK"}, {"macau", "MO"},
                {"taiwan", "TW"}, {"iraqi", "IQ"}, {"afghan", "AF"}, {"pakistani", "PK"}, {"yemeni", "YE"},
                {"saudi arabian", "SA"}, {"egyptian", "EG"}, {"libyan", "LY"}, {"sudanese", "SD"},
                {"somali", "SO"}, {"cuban", "CU"}, {"belarusian", "BY"}, {"ukrainian", "UA"},
                {"lebanese", "LB"}, {"jordanian", "JO"}, {"kuwaiti", "KW"}, {"qatari", "QA"},
                {"israeli", "IL"}, {"indian", "IN"}, {"german", "DE"}, {"french", "FR"},
                {"bosnia and herzegovina", "BA"}, {"north macedonia", "MK"}, {"macedonia", "MK"},
                {"kosovo", "XK"}};
        for (String[] e : extra) {
            m.put(e[0], e[1]);
        }
        return Map.copyOf(m);
    }
}
