package org.exportguard.lists.io;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The other names of one listed party, in the order first seen: runs of white space made one, the primary name and
 * repeats left out (a name listed both weak and strong is kept strong), and a name with a letter outside the Latin
 * script (Arabic, Cyrillic, Chinese ...) flagged as written in its original script.
 */
public final class AliasSet {
    private final String primary;
    private final Map<String, Alias> byName = new LinkedHashMap<>();

    public AliasSet(String primary) {
        this.primary = primary;
    }

    /** Adds the name (blank and null are ignored). */
    public void add(String name, AliasStrength strength) {
        String n = XmlRecords.collapse(name);
        if (n == null || n.equals(primary)) {
            return;
        }
        Alias had = byName.get(n);
        if (had == null || (had.strength() == AliasStrength.WEAK && strength == AliasStrength.STRONG)) {
            byName.put(n, new Alias(n, strength, nonLatin(n)));
        }
    }

    public List<Alias> list() {
        return new ArrayList<>(byName.values());
    }

    /** True when the name has a letter outside the Latin script (Arabic, Cyrillic, CJK ...). */
    public static boolean nonLatin(String name) {
        return name.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
    }
}
