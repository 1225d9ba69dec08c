package org.exportguard.cli.demo;

/**
 * One part of {@code exportguard demo}. The demo runs its sections in order on the same loaded sample lists; a new
 * story (e.g. a deal decision) is a new section added to {@link DemoCommand#SECTIONS}.
 */
public interface DemoSection {
    /** A short heading printed above the section. */
    String title();

    /** Prints the section to {@code env.out()}. */
    void run(DemoEnv env) throws Exception;
}
