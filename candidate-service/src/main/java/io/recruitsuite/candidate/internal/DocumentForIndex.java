package io.recruitsuite.candidate.internal;

import java.util.List;

/**
 * A CV as the search index needs it, read by the search-service when it indexes an upload and when it rebuilds an
 * organization's index. {@code text} is null in a listing asked for without text (ids for the reindex's final check).
 */
public record DocumentForIndex(String id, String candidateId, String filename, String fileType, long fileSize, int wordCount,
                               String uploadedAt, String candidateName, String candidateEmail, List<String> tags, String stage,
                               List<String> jobIds, String text) {
}
