package io.recruitsuite.candidate.campaigns;

import io.recruitsuite.candidate.jobs.JobRules.StageSpec;
import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001's hiring process: a named hiring drive (draft, active, closed) over a period, grouping jobs, with the pipeline
 * template its new jobs start from (stage names and types, as a job's stages are given; empty means the default pipeline).
 */
@Entity
@Table(name = "campaigns")
public class Campaign implements OrganizationOwned {

    public static final String DRAFT = "draft";
    public static final String ACTIVE = "active";
    public static final String CLOSED = "closed";

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    private String status;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    @Column(name = "job_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> jobIds;
    @Column(name = "template_names")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> templateNames;
    @Column(name = "template_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> templateTypes;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Campaign() {
    }

    public Campaign(String id, String organizationId, Settings settings, OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.jobIds = List.of();
        this.createdAt = createdAt;
        change(settings, createdAt);
    }

    /** What a creator gives and a PATCH may change; the template's types are resolved (given or inferred). */
    public record Settings(String name, String status, OffsetDateTime startsAt, OffsetDateTime endsAt, List<StageSpec> template) {
    }

    public Settings settings() {
        return new Settings(name, status, startsAt, endsAt, template());
    }

    public void change(Settings s, OffsetDateTime at) {
        this.name = s.name();
        this.status = s.status();
        this.startsAt = s.startsAt();
        this.endsAt = s.endsAt();
        this.templateNames = s.template().stream().map(StageSpec::name).toList();
        this.templateTypes = s.template().stream().map(StageSpec::type).toList();
        this.updatedAt = at;
    }

    /** Adds the job at the end; false when it is already there. */
    public boolean addJob(String jobId, OffsetDateTime at) {
        if (jobIds.contains(jobId)) {
            return false;
        }
        List<String> next = new ArrayList<>(jobIds);
        next.add(jobId);
        this.jobIds = List.copyOf(next);
        this.updatedAt = at;
        return true;
    }

    /** False when the job is not in the campaign. */
    public boolean removeJob(String jobId, OffsetDateTime at) {
        if (!jobIds.contains(jobId)) {
            return false;
        }
        this.jobIds = jobIds.stream().filter(j -> !j.equals(jobId)).toList();
        this.updatedAt = at;
        return true;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public List<String> jobIds() {
        return jobIds;
    }

    /** The pipeline template, each stage with its type; empty when the campaign's jobs start from the default pipeline. */
    public List<StageSpec> template() {
        List<StageSpec> out = new ArrayList<>(templateNames.size());
        for (int i = 0; i < templateNames.size(); i++) {
            out.add(new StageSpec(templateNames.get(i), templateTypes.get(i)));
        }
        return List.copyOf(out);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
