package org.exportguard.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each executor JVM builds once and every task in it shares: the screening index of a list bundle, a policy
 * pack, the changed entries of an impact. Keyed by content hash, so a new bundle gets a new index and the same
 * bundle is never indexed twice in one JVM (tasks of one stage run on many threads at once).
 */
final class ExecutorCache {
    /** Builds a value; may fail (a bad file on the executor's copy). */
    interface Builder<T> {
        T build() throws Exception;
    }

    private static final Map<String, Slot> VALUES = new ConcurrentHashMap<>();

    private ExecutorCache() {
    }

    /** One value, built by the first task that asks for it while the others wait (builders may ask for other keys). */
    private static final class Slot {
        private Object value;

        synchronized Object get(String key, Builder<?> builder) {
            if (value == null) {
                try {
                    value = builder.build();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(key + ": " + e.getMessage(), e);
                }
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T get(String key, Builder<T> builder) {
        return (T) VALUES.computeIfAbsent(key, k -> new Slot()).get(key, builder);
    }

    /** How many values this JVM holds (tests check one index per bundle). */
    static int size() {
        return VALUES.size();
    }
}
