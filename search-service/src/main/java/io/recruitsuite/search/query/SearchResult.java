package io.recruitsuite.search.query;

import java.time.OffsetDateTime;
import java.util.List;

/** One result, in the shape seed 000 documents, plus candidateId and highlights. */
public record SearchResult(
        String id,
        String filename,
        String candidateName,
        String candidateEmail,
        double similarity,
        OffsetDateTime uploadedAt,
        String fileType,
        Integer wordCount,
        String candidateId,
        List<String> highlights) {
}
