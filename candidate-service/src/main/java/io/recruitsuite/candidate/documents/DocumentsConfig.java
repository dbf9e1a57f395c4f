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

    /** Most bytes a file may expand to while it is read (a DOCX's zip entries, a PDF's decoded streams). */
    MemorySize maxExpandedSize();

    /** Most parts (zip entries) a DOCX may hold. */
    int maxZipEntries();

    /** Longest one file may take to read; a CV takes well under a second. */
    java.time.Duration extractionTimeBudget();

    /** Files of one organization read at the same time; beyond, 429 (one tenant's uploads cannot take every worker). */
    int extractionsPerOrganization();
}
