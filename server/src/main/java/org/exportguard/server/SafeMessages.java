package org.exportguard.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last check on every error message an answer carries: nothing that tells an attacker how the server is built
 * may leave it. Folders of this machine (the temporary folder, the working and home folders, and any absolute path
 * under the usual roots) become {@code <server path>}; Java class names ({@code org.sqlite.SQLiteException},
 * {@code java.io.IOException}) and library internals quoted in back-ticks (Jackson's
 * {@code `StreamReadConstraints.getMaxNestingDepth()`}) are taken out. The routes already word their own messages
 * for the caller; this catches what a library says that nobody reworded.
 */
public final class SafeMessages {
    private static final String SERVER_PATH = "<server path>";

    /** An absolute file path under a root a server's files live in (not an API path such as /api/deals). */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w.:/])/(?:tmp|var|home|root|usr|opt|etc|srv|mnt|work|data|private|Users|proc|run|dev|lib|app)"
                    + "(?:/[^\\s'\"`,;:()\\[\\]{}<>]*)?");
    /** A Windows path, drive letter first. */
    private static final Pattern WINDOWS_PATH = Pattern.compile("\\b[A-Za-z]:\\\\[^\\s'\"`,;:()\\[\\]{}<>]*");
    /** A fully qualified Java class name: lower-case package segments, then a capitalised class name. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|net|io)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*(?:\\(\\))?");
    /** A back-quoted identifier, as Jackson quotes its classes and methods. */
    private static final Pattern BACKTICKED = Pattern.compile("\\s*\\(?,?\\s*(?:from )?`[^`]*`\\)?");

    private static final List<String> OWN_FOLDERS = ownFolders();

    private SafeMessages() {
    }

    /** {@code message} with server paths and class names taken out; null stays null. */
    public static String clean(String message) {
        if (message == null) {
            return null;
        }
        String m = message;
        for (String folder : OWN_FOLDERS) {
            m = m.replace(folder, SERVER_PATH);
        }
        m = ABSOLUTE_PATH.matcher(m).replaceAll(SERVER_PATH);
        m = WINDOWS_PATH.matcher(m).replaceAll(SERVER_PATH);
        m = BACKTICKED.matcher(m).replaceAll("");
        m = CLASS_NAME.matcher(m).replaceAll("");
        m = m.replaceAll("(" + Pattern.quote(SERVER_PATH) + ")(?:/[^\\s'\"`,;:()]*)+", "$1");
        return m.replaceAll("[ \\t]{2,}", " ").replaceAll("\\s+([:,.)])", "$1").strip();
    }

    /** The folders this process knows as its own, longest first so a nested one is replaced whole. */
    private static List<String> ownFolders() {
        List<String> out = new ArrayList<>();
        for (String p : new String[]{"java.io.tmpdir", "user.dir", "user.home", "java.home"}) {
            String v = System.getProperty(p);
            if (v != null && v.length() > 1) {
                String trimmed = v.endsWith("/") || v.endsWith("\\") ? v.substring(0, v.length() - 1) : v;
                if (trimmed.length() > 1) {
                    out.add(trimmed);
                }
            }
        }
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }
}
