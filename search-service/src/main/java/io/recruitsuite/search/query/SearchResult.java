package io.recruitsuite.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One result, in the shape seed 000 documents, plus candidateId, highlights and (on request) explain.
 * Without {@code candidates:read} the personal fields (filename, candidateName, candidateEmail) are
 * null and highlights empty: the same shape, ids and scores only (docs/security.md).
 */
public record SearchResult(
        String id,
        @Schema(nullable = true, description = "the CV's file name; null unless the key has candidates:read")
        String filename,
        @Schema(nullable = true, description = "null unless the key has candidates:read")
        String candidateName,
        @Schema(nullable = true, description = "null unless the key has candidates:read")
        String candidateEmail,
        double similarity,
        OffsetDateTime uploadedAt,
        String fileType,
        Integer wordCount,
        String candidateId,
        @Schema(description = "excerpts of the CV around the query's words; empty unless the key has candidates:read")
        List<String> highlights,
        @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain) {
}
