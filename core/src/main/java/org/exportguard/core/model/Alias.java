package org.exportguard.core.model;

import java.util.Objects;

/**
 * Another name of a listed party.
 *
 * @param name           the name exactly as the list gives it
 * @param strength       strong or weak (weak aliases weigh less in matching)
 * @param originalScript true when the name is written in its original, non-Latin script (UN "NAME_ORIGINAL_SCRIPT")
 * @param kind           what the list calls it, as the list's notation: {@code a.k.a.} (also known as), {@code f.k.a.}
 *                       (formerly known as), {@code n.k.a.} (now known as); null when the list does not say. A
 *                       former name is still screened (a party may trade under it), but an analyst reads it apart.
 */
public record Alias(String name, AliasStrength strength, boolean originalScript, String kind) {
    public static final String AKA = "a.k.a.";
    public static final String FKA = "f.k.a.";
    public static final String NKA = "n.k.a.";

    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strength, "strength");
    }

    public Alias(String name, AliasStrength strength, boolean originalScript) {
        this(name, strength, originalScript, null);
    }

    /** This alias with the kind the list gives it ({@link #AKA}, {@link #FKA}, {@link #NKA}). */
    public Alias withKind(String listKind) {
        return new Alias(name, strength, originalScript, listKind);
    }

    /**
     * The kind for a list's own spelling of it: {@code aka}, {@code a.k.a.}, {@code fka}, {@code f.k.a.}, {@code nka},
     * {@code n.k.a.} in any case; null for anything else (the list's word is then not a known kind).
     */
    public static String kindOf(String listWord) {
        if (listWord == null) {
            return null;
        }
        return switch (listWord.strip().toLowerCase(java.util.Locale.ROOT).replace(".", "")) {
            case "aka" -> AKA;
            case "fka" -> FKA;
            case "nka" -> NKA;
            default -> null;
        };
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
