package io.recruitsuite.candidate.applications;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One stay of an application in a stage (a row of the stage history); the visit without {@code completedAt} is the current one. */
@Entity
@Table(name = "stage_history")
public class StageVisit implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "application_id")
    private String applicationId;
    @Column(name = "stage_id")
    private String stageId;
    @Column(name = "stage_name")
    private String stageName;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected StageVisit() {
    }

    /** A visit that starts {@code at}. */
    public StageVisit(String id, String organizationId, String applicationId, String stageId, String stageName, OffsetDateTime at) {
        this.id = id;
        this.organizationId = organizationId;
        this.applicationId = applicationId;
        this.stageId = stageId;
        this.stageName = stageName;
        this.startedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String stageId() {
        return stageId;
    }

    public String stageName() {
        return stageName;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }
}
