package io.recruitsuite.candidate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.candidates.CandidateService.CandidateDetail;
import io.recruitsuite.candidate.documents.Document;

import java.time.OffsetDateTime;
import java.util.List;

/** Wire shapes of candidates and documents. */
public final class CandidateViews {

    private CandidateViews() {
    }

    public record CandidateSummary(String id, String name, String email, String phone, List<String> tags,
                                   OffsetDateTime createdAt, OffsetDateTime updatedAt, String firstName, String lastName) {
        public static CandidateSummary of(Candidate c) {
            return new CandidateSummary(c.id(), c.name(), c.email(), c.phone(), c.tags(), c.createdAt(), c.updatedAt(), c.firstName(),
                    c.lastName());
        }
    }

    public record DocumentSummary(String id, String candidateId, String filename, String fileType, long fileSize, int wordCount,
                                  OffsetDateTime uploadedAt) {
        public static DocumentSummary of(Document d) {
            return new DocumentSummary(d.id(), d.candidateId(), d.filename(), d.fileType(), d.fileSize(), d.wordCount(), d.uploadedAt());
        }
    }

    /** The full candidate, with the text of the most recent CV ({@code cvText}) as seed 000 documents. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CandidateFull(String id, String name, String email, String phone, List<String> tags,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt, List<DocumentSummary> documents, String cvText,
                                String firstName, String lastName) {
        public static CandidateFull of(CandidateDetail detail) {
            Candidate c = detail.candidate();
            List<Document> docs = detail.documents();
            return new CandidateFull(c.id(), c.name(), c.email(), c.phone(), c.tags(), c.createdAt(), c.updatedAt(),
                    docs.stream().map(DocumentSummary::of).toList(), docs.isEmpty() ? null : docs.get(0).text(), c.firstName(), c.lastName());
        }
    }
}
