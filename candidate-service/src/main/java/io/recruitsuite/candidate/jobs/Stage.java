package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a job's pipeline; {@code position} orders the steps from 0, {@code type} says what it is for. Written with its job, never changed. */
@Entity
@Table(name = "stages")
public class Stage implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "job_id")
    private String jobId;
    private String name;
    private int position;
    @Convert(converter = StageType.Column.class)
    private StageType type;

    protected Stage() {
    }

    /** A stage whose type follows from its name ({@link StageType#inferred}). */
    public Stage(String id, String organizationId, String jobId, String name, int position) {
        this(id, organizationId, jobId, name, position, StageType.inferred(name));
    }

    public Stage(String id, String organizationId, String jobId, String name, int position, StageType type) {
        this.id = id;
        this.organizationId = organizationId;
        this.jobId = jobId;
        this.name = name;
        this.position = position;
        this.type = type;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String jobId() {
        return jobId;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }

    public StageType type() {
        return type;
    }
}
