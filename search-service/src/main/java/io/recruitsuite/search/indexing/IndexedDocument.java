package io.recruitsuite.search.indexing;

import java.time.OffsetDateTime;
import java.util.List;

/** What a search result shows about a CV, as the document events describe it. */
public record IndexedDocument(
        String id,
        String organizationId,
        String candidateId,
        String filename,
        String candidateName,
        String candidateEmail,
        String fileType,
        long fileSize,
        int wordCount,
        OffsetDateTime uploadedAt,
        List<String> tags,
        String stage,
        List<String> jobIds) {
}
