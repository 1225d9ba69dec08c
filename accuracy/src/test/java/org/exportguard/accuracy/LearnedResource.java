package org.exportguard.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A table a learner writes into core's resources from the tuning half: with {@code -Dtranslit.learn=true} it is
 * written anew; without, the learner's test fails when the committed file is not what the tuning half teaches (a hand
 * edit, or a change the table was not regenerated after).
 */
final class LearnedResource {
    private LearnedResource() {
    }

    static void writeOrCheck(String resource, String learned, Class<?> learner) throws IOException {
        Path path = Path.of(resource);
        if (Boolean.getBoolean("translit.learn")) {
            Files.writeString(path, learned, StandardCharsets.UTF_8);
            System.out.println("wrote " + path);
        }
        assertEquals(learned, Files.readString(path, StandardCharsets.UTF_8), path.getFileName()
                + " is not what the tuning half teaches: regenerate it with " + learner.getSimpleName()
                + " and -Dtranslit.learn=true (docs/matching.md section 2)");
    }
}
