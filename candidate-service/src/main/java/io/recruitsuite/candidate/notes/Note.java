package io.recruitsuite.candidate.notes;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A free-text note on a candidate or on a prospect (one of the two); {@code author} is who wrote it (the key prefix or the dashboard user). Written once. */
@Entity
@Table(name = "notes")
public class Note implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "prospect_id")
    private String prospectId;
    private String body;
    private String author;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Note() {
    }

    public Note(String id, String organizationId, String candidateId, String body, String author, OffsetDateTime createdAt) {
        this(id, organizationId, candidateId, null, body, author, createdAt);
    }

    public Note(String id, String organizationId, String candidateId, String prospectId, String body, String author,
                OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.candidateId = candidateId;
        this.prospectId = prospectId;
        this.body = body;
        this.author = author;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String prospectId() {
        return prospectId;
    }

    public String body() {
        return body;
    }

    public String author() {
        return author;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
