package io.recruitsuite.search.reindex;

import java.time.OffsetDateTime;

/** One rebuild of an organization's index, as the operator API shows it. */
public record ReindexRun(
        String id,
        String organizationId,
        String status,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        long eventsRead,
        long eventsApplied,
        int documentsRemoved,
        String error) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
