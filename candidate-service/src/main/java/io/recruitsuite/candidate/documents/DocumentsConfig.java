package io.recruitsuite.candidate.documents;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "documents")
public interface DocumentsConfig {

    /** Largest accepted CV file. */
    MemorySize maxSize();

    /** Longest extracted or pasted CV text kept. */
    int maxTextChars();
}
