package io.recruitsuite.search.query;

import java.util.List;

/** {@code POST /api/v1/search}: seed 000's {query, limit} plus page and filters. */
public record SearchRequest(String query, Integer limit, Integer page, Filters filters) {

    public record Filters(List<String> tags, String stage, String jobId, String fileType, String uploadedAfter, String uploadedBefore) {
    }
}
