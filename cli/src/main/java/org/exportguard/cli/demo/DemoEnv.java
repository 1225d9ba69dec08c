package org.exportguard.cli.demo;

import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What demo sections share: where to print, the sample lists copied to {@code sampleDir}, and the index built over
 * them.
 */
public record DemoEnv(PrintWriter out, Path sampleDir, List<PartyList> lists, ScreeningIndex index) {
}
