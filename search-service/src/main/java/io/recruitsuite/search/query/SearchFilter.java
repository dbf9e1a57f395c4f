package io.recruitsuite.search.query;

import io.recruitsuite.common.error.ApiException;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Validated filters, and the SQL conditions on {@code search_documents d} they become. */
public record SearchFilter(List<String> tags, String stage, String jobId, String fileType, OffsetDateTime uploadedAfter,
                           OffsetDateTime uploadedBefore) {

    public static final SearchFilter NONE = new SearchFilter(List.of(), null, null, null, null, null);
    static final int MAX_VALUE = 100;

    public static SearchFilter of(SearchRequest.Filters f) {
        if (f == null) {
            return NONE;
        }
        List<String> tags = f.tags() == null ? List.of() : f.tags();
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t == null || t.isBlank() || t.length() > MAX_VALUE)) {
            throw ApiException.validation("filters.tags: at most 20 tags of 1 to " + MAX_VALUE + " characters");
        }
        return new SearchFilter(tags, short_("stage", f.stage()), short_("jobId", f.jobId()), short_("fileType", f.fileType()),
                time("uploadedAfter", f.uploadedAfter()), time("uploadedBefore", f.uploadedBefore()));
    }

    public boolean isEmpty() {
        return tags.isEmpty() && stage == null && jobId == null && fileType == null && uploadedAfter == null && uploadedBefore == null;
    }

    /**
     * A condition on chunks {@code c} of organization {@code $1}: their document passes the filters
     * (empty when there are none, so unfiltered searches need no join). Binds values from {@code next}
     * on into {@code args}; the same placeholders may appear several times in one statement.
     */
    public String documentCondition(Tuple args, int next) {
        if (isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" and exists (select 1 from search_documents d where d.id = c.document_id and d.organization_id = $1");
        appendTo(sql, args, next);
        return sql.append(')').toString();
    }

    /** Appends {@code and …} conditions to {@code sql}, binding values from {@code next} on; returns the next free index. */
    public int appendTo(StringBuilder sql, Tuple args, int next) {
        if (!tags.isEmpty()) {
            sql.append(" and d.tags @> $").append(next++);
            args.addArrayOfString(tags.toArray(String[]::new));
        }
        if (stage != null) {
            sql.append(" and d.stage = $").append(next++);
            args.addString(stage);
        }
        if (jobId != null) {
            sql.append(" and $").append(next++).append(" = any(d.job_ids)");
            args.addString(jobId);
        }
        if (fileType != null) {
            sql.append(" and d.file_type = $").append(next++);
            args.addString(fileType);
        }
        if (uploadedAfter != null) {
            sql.append(" and d.uploaded_at >= $").append(next++);
            args.addOffsetDateTime(uploadedAfter);
        }
        if (uploadedBefore != null) {
            sql.append(" and d.uploaded_at < $").append(next++);
            args.addOffsetDateTime(uploadedBefore);
        }
        return next;
    }

    private static String short_(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_VALUE) {
            throw ApiException.validation("filters." + name + ": at most " + MAX_VALUE + " characters");
        }
        return value;
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("filters." + name + ": must be an ISO-8601 date-time such as 2026-01-15T10:30:00Z");
        }
    }
}
