package org.exportguard.policy.pack;

import java.util.Locale;

/** Whether a fact was seen in the source it cites: {@code verified}, only {@code partial}ly, or {@code unverified}. */
public enum Verification {
    VERIFIED, PARTIAL, UNVERIFIED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the pack's {@code verified:} value: true, partial or false; null for anything else. */
    public static Verification parse(Object v) {
        String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "true": case "verified": return VERIFIED;
            case "partial": return PARTIAL;
            case "false": case "unverified": return UNVERIFIED;
            default: return null;
        }
    }
}
