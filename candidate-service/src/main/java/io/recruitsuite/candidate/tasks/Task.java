package io.recruitsuite.candidate.tasks;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A to-do of the hiring team, optionally about a candidate, an application or a prospect (fixed at creation).
 * {@code status} is open or done; {@code completedAt} is when it was last done.
 */
@Entity
@Table(name = "tasks")
public class Task implements OrganizationOwned {

    public static final String OPEN = "open";
    public static final String DONE = "done";

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String title;
    @Column(name = "due_at")
    private OffsetDateTime dueAt;
    private String assignee;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "application_id")
    private String applicationId;
    @Column(name = "prospect_id")
    private String prospectId;
    private String status;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Task() {
    }

    public Task(String id, String organizationId, String title, OffsetDateTime dueAt, String assignee, String candidateId,
                String applicationId, String prospectId, String status, OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.title = title;
        this.dueAt = dueAt;
        this.assignee = assignee;
        this.candidateId = candidateId;
        this.applicationId = applicationId;
        this.prospectId = prospectId;
        this.status = status;
        this.completedAt = DONE.equals(status) ? createdAt : null;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void edit(String title, OffsetDateTime dueAt, String assignee, OffsetDateTime at) {
        this.title = title;
        this.dueAt = dueAt;
        this.assignee = assignee;
        this.updatedAt = at;
    }

    /** Done stamps the completion; reopening clears it. */
    public void status(String status, OffsetDateTime at) {
        this.status = status;
        this.completedAt = DONE.equals(status) ? at : null;
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

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public String assignee() {
        return assignee;
    }

    public String candidateId() {
        return candidateId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String prospectId() {
        return prospectId;
    }

    public String status() {
        return status;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
