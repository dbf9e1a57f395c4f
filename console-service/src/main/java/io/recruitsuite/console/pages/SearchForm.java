package io.recruitsuite.console.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search playground's form, as the API's {@code POST /api/v1/search} body. */
public record SearchForm(String query, String mode, int limit, String tags, String stage, String jobId, String fileType,
                         boolean explain) {

    public static final List<String> MODES = List.of("hybrid", "semantic", "keyword");

    public List<String> modes() {
        return MODES;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("mode", MODES.contains(mode) ? mode : "hybrid");
        body.put("limit", limit);
        body.put("explain", explain);
        Map<String, Object> filters = new LinkedHashMap<>();
        if (tags != null && !tags.isBlank()) {
            filters.put("tags", List.of(tags.split("\\s*,\\s*")));
        }
        if (stage != null && !stage.isBlank()) {
            filters.put("stage", stage);
        }
        if (jobId != null && !jobId.isBlank()) {
            filters.put("jobId", jobId);
        }
        if (fileType != null && !fileType.isBlank()) {
            filters.put("fileType", fileType);
        }
        if (!filters.isEmpty()) {
            body.put("filters", filters);
        }
        return body;
    }
}
