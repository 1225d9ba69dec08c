package org.exportguard.core.model;

/**
 * How much an alias identifies its party. OFAC's "weak a.k.a." and the UN's "Low" quality aliases are WEAK: they
 * are searched, but a hit on them scores lower than one on a primary name or a strong alias.
 */
public enum AliasStrength {
    STRONG, WEAK
}
