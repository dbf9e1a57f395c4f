package io.recruitsuite.candidate.candidates;

import io.recruitsuite.common.error.ApiException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** List filters: free text over name and email, one tag, created after an instant. */
public record CandidateFilter(String search, String tag, OffsetDateTime createdAfter) {

    public static final int MAX_SEARCH = 200;

    public static CandidateFilter parse(String search, String tag, String createdAfter) {
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiException.validation("search: at most " + MAX_SEARCH + " characters");
        }
        if (tag != null && tag.length() > CandidateRules.MAX_TAG) {
            throw ApiException.validation("tag: at most " + CandidateRules.MAX_TAG + " characters");
        }
        OffsetDateTime after = null;
        if (createdAfter != null && !createdAfter.isEmpty()) {
            try {
                after = OffsetDateTime.parse(createdAfter);
            } catch (DateTimeParseException e) {
                throw ApiException.validation("createdAfter: must be an ISO-8601 date-time such as 2026-01-15T10:30:00Z");
            }
        }
        return new CandidateFilter(search == null || search.isBlank() ? null : search.strip(),
                tag == null || tag.isBlank() ? null : tag.strip(), after);
    }
}
