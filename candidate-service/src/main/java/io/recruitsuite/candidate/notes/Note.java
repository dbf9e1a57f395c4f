package io.recruitsuite.candidate.notes;

import java.time.OffsetDateTime;

/** A free-text note on a candidate; {@code author} is who wrote it (the key prefix or the dashboard user). */
public record Note(String id, String organizationId, String candidateId, String body, String author, OffsetDateTime createdAt) {
}
