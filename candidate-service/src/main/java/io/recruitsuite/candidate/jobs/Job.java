package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A job of one organization. Read through record-style accessors; the rules ({@link JobRules}) work on
 * detached copies, and {@link #takeOver} writes the outcome into the stored job.
 */
@Entity
@Table(name = "jobs")
public class Job implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String title;
    private String description;
    private String department;
    private String location;
    @Column(name = "employment_type")
    private String employmentType;
    @Convert(converter = JobStatus.Column.class)
    private JobStatus status;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "salary_min")
    private BigDecimal salaryMin;
    @Column(name = "salary_max")
    private BigDecimal salaryMax;
    @Column(name = "salary_currency")
    private String salaryCurrency;
    @Column(name = "salary_period")
    private String salaryPeriod;
    private String remote;
    private int openings = 1;

    protected Job() {
    }

    public Job(String id, String organizationId, String title, String description, String department, String location,
               String employmentType, JobStatus status, OffsetDateTime publishedAt, OffsetDateTime closedAt,
               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.title = title;
        this.description = description;
        this.department = department;
        this.location = location;
        this.employmentType = employmentType;
        this.status = status;
        this.publishedAt = publishedAt;
        this.closedAt = closedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A detached copy, for rules that compute the job after a change. */
    public Job copy() {
        return new Job(id, organizationId, title, description, department, location, employmentType, status, publishedAt, closedAt,
                createdAt, updatedAt).withTerms(terms());
    }

    /** This job with {@code terms}; for new jobs and detached copies (a stored job changes through {@link #takeOver}). */
    public Job withTerms(JobTerms terms) {
        Salary salary = terms.salary();
        this.salaryMin = salary == null ? null : salary.min();
        this.salaryMax = salary == null ? null : salary.max();
        this.salaryCurrency = salary == null ? null : salary.currency();
        this.salaryPeriod = salary == null ? null : salary.period();
        this.remote = terms.remote();
        this.openings = terms.openings();
        return this;
    }

    public JobTerms terms() {
        Salary salary = salaryCurrency == null ? null : new Salary(salaryMin, salaryMax, salaryCurrency, salaryPeriod);
        return new JobTerms(salary, remote, openings);
    }

    /** Takes the editable fields and the status of {@code changed} (a copy of this job), stamped with {@code at}. */
    public void takeOver(Job changed, OffsetDateTime at) {
        this.title = changed.title;
        this.description = changed.description;
        this.department = changed.department;
        this.location = changed.location;
        this.employmentType = changed.employmentType;
        this.status = changed.status;
        this.publishedAt = changed.publishedAt;
        this.closedAt = changed.closedAt;
        withTerms(changed.terms());
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

    public String description() {
        return description;
    }

    public String department() {
        return department;
    }

    public String location() {
        return location;
    }

    public String employmentType() {
        return employmentType;
    }

    public JobStatus status() {
        return status;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
