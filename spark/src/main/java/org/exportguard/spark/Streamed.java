package org.exportguard.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A partition's output made one row at a time as Spark pulls it. Collecting a partition's output first (a list per
 * partition) holds every output line of the partition in the heap at once: with ten million rows in eight partitions,
 * each line carrying its hits' listed entries, that ran an executor out of memory.
 */
final class Streamed {
    private Streamed() {
    }

    /** {@code f} applied to each input as it is pulled; inputs it answers with null are skipped. */
    static <T, R> Iterator<R> map(Iterator<T> in, Function<T, R> f) {
        return new Iterator<>() {
            private R next;

            @Override
            public boolean hasNext() {
                while (next == null && in.hasNext()) {
                    next = f.apply(in.next());
                }
                return next != null;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                R r = next;
                next = null;
                return r;
            }
        };
    }
}
