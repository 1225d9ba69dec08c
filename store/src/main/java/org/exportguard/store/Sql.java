package org.exportguard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Small JDBC helpers: queries over many keys in chunks of IN (?, ?, ...), batch sizes. */
final class Sql {
    static final int IN_CHUNK = 500;
    static final int BATCH = 5_000;

    private Sql() {
    }

    /** The text "?, ?, ..." with n marks. */
    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    /** Row reader for {@link #inChunks}. */
    @FunctionalInterface
    interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sqlWithIn} (holding one {@code %s} where the marks go) once per chunk of {@code keys}, with
     * {@code before} parameters first, handing every row to {@code rows}.
     */
    static void inChunks(Connection c, String sqlWithIn, List<String> before, Collection<String> keys, Rows rows)
            throws SQLException {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(String.format(sqlWithIn, marks(chunk.size())))) {
                int i = 1;
                for (String b : before) {
                    ps.setString(i++, b);
                }
                for (String k : chunk) {
                    ps.setString(i++, k);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.read(rs);
                    }
                }
            }
        }
    }

    static <T> void forEachChunk(List<T> items, int size, Consumer<List<T>> action) {
        for (int from = 0; from < items.size(); from += size) {
            action.accept(items.subList(from, Math.min(items.size(), from + size)));
        }
    }
}
