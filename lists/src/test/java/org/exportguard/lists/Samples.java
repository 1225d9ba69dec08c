package org.exportguard.lists;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-written sample list files in {@code src/test/resources/samples}. */
public final class Samples {
    public static final String EU_FSF = "eu-fsf-sample.xml";
    public static final String UK_SL = "uk-sanctions-list-sample.xml";
    public static final String FTM = "opensanctions-entities.ftm.json";
    public static final String FTM_NESTED = "opensanctions-targets.nested.json";

    private Samples() {
    }

    public static Path path(String name) {
        URL url = Samples.class.getResource("/samples/" + name);
        if (url == null) {
            throw new IllegalStateException("no sample " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
