package io.recruitsuite.search.candidates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A CV as the candidate-service's document reader gives it: the text and what a search result shows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CandidateDocument(String id, String candidateId, String filename, String fileType, long fileSize, int wordCount,
                                String uploadedAt, String candidateName, String candidateEmail, List<String> tags, String stage,
                                List<String> jobIds, String text) {
}
