package io.recruitsuite.candidate.applications;

import java.time.OffsetDateTime;

/** One stay of an application in a stage; the visit without {@code completedAt} is the current one. */
public record StageVisit(String id, String applicationId, String stageId, String stageName, OffsetDateTime startedAt,
                         OffsetDateTime completedAt) {
}
