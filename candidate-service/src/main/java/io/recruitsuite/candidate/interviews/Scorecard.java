package io.recruitsuite.candidate.interviews;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One interviewer's verdict on an interview: a recommendation, ratings per attribute (1 to 4) and notes. {@code stageId} is
 * the application's stage when it was first submitted; it can be revised while the application is still there.
 */
@Entity
@Table(name = "scorecards")
public class Scorecard implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "interview_id")
    private String interviewId;
    @Column(name = "application_id")
    private String applicationId;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "stage_id")
    private String stageId;
    private String interviewer;
    private String recommendation;
    @Convert(converter = Ratings.class)
    private Map<String, Integer> ratings;
    private String notes;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Scorecard() {
    }

    public Scorecard(String id, Interview interview, String stageId, String interviewer, Verdict verdict, OffsetDateTime at) {
        this.id = id;
        this.organizationId = interview.organizationId();
        this.interviewId = interview.id();
        this.applicationId = interview.applicationId();
        this.candidateId = interview.candidateId();
        this.stageId = stageId;
        this.interviewer = interviewer;
        this.submittedAt = at;
        revise(verdict, at);
    }

    /** What an interviewer submits and may revise. */
    public record Verdict(String recommendation, Map<String, Integer> ratings, String notes) {
    }

    public Verdict verdict() {
        return new Verdict(recommendation, ratings, notes);
    }

    public void revise(Verdict v, OffsetDateTime at) {
        this.recommendation = v.recommendation();
        this.ratings = new LinkedHashMap<>(v.ratings());
        this.notes = v.notes();
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String interviewId() {
        return interviewId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String stageId() {
        return stageId;
    }

    public String interviewer() {
        return interviewer;
    }

    public String recommendation() {
        return recommendation;
    }

    public Map<String, Integer> ratings() {
        return ratings;
    }

    public String notes() {
        return notes;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
