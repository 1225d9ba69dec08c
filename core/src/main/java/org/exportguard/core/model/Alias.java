package org.exportguard.core.model;

import java.util.Objects;

/**
 * Another name of a listed party.
 *
 * @param name           the name exactly as the list gives it
 * @param strength       strong or weak (weak aliases weigh less in matching)
 * @param originalScript true when the name is written in its original, non-Latin script (UN "NAME_ORIGINAL_SCRIPT")
 */
public record Alias(String name, AliasStrength strength, boolean originalScript) {
    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strength, "strength");
    }

    public static Alias strong(String name) {
        return new Alias(name, AliasStrength.STRONG, false);
    }

    public static Alias weak(String name) {
        return new Alias(name, AliasStrength.WEAK, false);
    }

    public static Alias originalScript(String name) {
        return new Alias(name, AliasStrength.STRONG, true);
    }
}
