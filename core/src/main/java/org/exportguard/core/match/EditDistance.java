package org.exportguard.core.match;

/**
 * Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours) as a ceiling on the
 * similarity of two Latin words. Jaro-Winkler rewards a shared beginning so much that different names with one
 * stem ("Sancho"/"Sanchez", "Albano"/"Albanese") score like typos; a typo is one edit, those are two or more.
 */
final class EditDistance {
    static final float CAP_TWO_LONG = 0.90f;
    static final float CAP_TWO_SHORT = 0.75f;
    static final float CAP_THREE_LONG = 0.80f;
    static final float CAP_MORE = 0.5f;
    static final int LONG = 9;
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][33]);

    private EditDistance() {
    }

    /** Highest similarity two Latin words this many edits apart may have. */
    static float cap(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        int d = distance(a, b, 3);
        if (d <= 1) {
            return 1f;
        }
        if (d == 2) {
            return longer >= LONG ? CAP_TWO_LONG : CAP_TWO_SHORT;
        }
        if (d == 3 && longer >= LONG + 3) {
            return CAP_THREE_LONG;
        }
        return CAP_MORE;
    }

    /** Optimal-string-alignment distance, or {@code limit + 1} once it is certainly above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length <= m) {
            rows = new int[][]{new int[m + 1], new int[m + 1], new int[m + 1]};
            ROWS.set(rows);
        }
        // Reused per thread: this runs for every pair of words a query scores.
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
