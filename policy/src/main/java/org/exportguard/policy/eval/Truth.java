package org.exportguard.policy.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition's value when the data may not decide it: true, false, or unknown with the reasons why. Combining with
 * {@link #and}: false wins, then unknown.
 */
public record Truth(Value value, List<String> unknownBecause) {
    public enum Value { TRUE, FALSE, UNKNOWN }

    public Truth {
        unknownBecause = List.copyOf(unknownBecause);
    }

    public static final Truth TRUE = new Truth(Value.TRUE, List.of());
    public static final Truth FALSE = new Truth(Value.FALSE, List.of());

    static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Truth unknown(String why) {
        return new Truth(Value.UNKNOWN, List.of(why));
    }

    public boolean isTrue() {
        return value == Value.TRUE;
    }

    public boolean isFalse() {
        return value == Value.FALSE;
    }

    Truth and(Truth o) {
        if (isFalse() || o.isFalse()) {
            return FALSE;
        }
        if (isTrue()) {
            return o;
        }
        if (o.isTrue()) {
            return this;
        }
        List<String> why = new ArrayList<>(unknownBecause);
        why.addAll(o.unknownBecause);
        return new Truth(Value.UNKNOWN, why);
    }

    public Truth or(Truth o) {
        if (isTrue() || o.isTrue()) {
            return TRUE;
        }
        if (isFalse()) {
            return o;
        }
        if (o.isFalse()) {
            return this;
        }
        List<String> why = new ArrayList<>(unknownBecause);
        why.addAll(o.unknownBecause);
        return new Truth(Value.UNKNOWN, why);
    }

    Truth not() {
        return switch (value) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> this;
        };
    }
}
