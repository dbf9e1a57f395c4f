package io.recruitsuite.candidate.meetings;

import io.recruitsuite.candidate.interviews.Interview;
import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A meeting of the hiring team, optionally with a candidate or a prospect (fixed at creation); {@code attendeeKeys} is what the attendee filter matches. */
@Entity
@Table(name = "meetings")
public class Meeting implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String title;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> attendees;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attendee_keys")
    private List<String> attendeeKeys;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "prospect_id")
    private String prospectId;
    private String notes;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Meeting() {
    }

    public Meeting(String id, String organizationId, String candidateId, String prospectId, Details details, OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.candidateId = candidateId;
        this.prospectId = prospectId;
        this.createdAt = createdAt;
        change(details, createdAt);
    }

    public record Details(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> attendees, String notes) {
    }

    public Details details() {
        return new Details(title, startsAt, endsAt, attendees, notes);
    }

    public void change(Details d, OffsetDateTime at) {
        this.title = d.title();
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.attendees = List.copyOf(d.attendees());
        this.attendeeKeys = Interview.keys(d.attendees());
        this.notes = d.notes();
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String title() {
        return title;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public List<String> attendees() {
        return attendees;
    }

    public String candidateId() {
        return candidateId;
    }

    public String prospectId() {
        return prospectId;
    }

    public String notes() {
        return notes;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
