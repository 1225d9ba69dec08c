package org.exportguard.service.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a downloaded file is an HTML page: what a publisher serves when an address moved (a landing page, a login
 * or error page with status 200). No list ExportGuard reads is HTML, so such a body is the wrong format, said
 * plainly, rather than whatever a reader makes of it.
 */
final class HtmlBody {
    private static final int SNIFF = 1024;

    private HtmlBody() {
    }

    static boolean is(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        while (text.startsWith("<!--") && text.contains("-->")) { // comments before the root element
            text = text.substring(text.indexOf("-->") + 3).stripLeading();
        }
        return text.startsWith("<!doctype html") || text.startsWith("<html");
    }
}
