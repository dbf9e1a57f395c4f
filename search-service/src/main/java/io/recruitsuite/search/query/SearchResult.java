package io.recruitsuite.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** One result, in the shape seed 000 documents, plus candidateId, highlights and (on request) explain. */
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
        List<String> highlights,
        @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain) {
}
