package io.recruitsuite.candidate.documents;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "documents")
public interface DocumentsConfig {

    /** Largest accepted CV file. */
    MemorySize maxSize();

    /** Longest extracted or pasted CV text kept. */
    int maxTextChars();

    /** Longest PDF read; extraction time grows with pages, and no CV needs this many. */
    int maxPdfPages();

    /** How many leading lines of an uploaded CV may hold the candidate's name. */
    int nameSearchLines();
}
