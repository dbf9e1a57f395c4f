package io.recruitsuite.search.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /api/v1/search}: seed 000's {query, limit} plus page, filters, mode and explain. */
public record SearchRequest(
        String query,
        Integer limit,
        Integer page,
        Filters filters,
        @Schema(enumeration = {"hybrid", "semantic", "keyword"}, defaultValue = "hybrid",
                description = "hybrid: meaning and exact words; semantic: meaning only (embeddings); keyword: exact words only (BM25)")
        String mode,
        @Schema(defaultValue = "false", description = "true: each result also carries both halves' ranks and scores")
        Boolean explain) {

    public record Filters(List<String> tags, String stage, String jobId, String fileType, String uploadedAfter, String uploadedBefore) {
    }
}
