package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.error.ApiException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Field and lifecycle rules of jobs, free of persistence so they can be tested alone. */
public final class JobRules {

    private final JobsConfig limits;

    public JobRules(JobsConfig limits) {
        this.limits = limits;
    }

    public String title(String title) {
        if (title == null || title.isBlank()) {
            throw ApiException.validation("title: String must contain at least 1 character(s)");
        }
        if (title.length() > limits.maxTitle()) {
            throw ApiException.validation("title: at most " + limits.maxTitle() + " characters");
        }
        return title.strip();
    }

    public String description(String description) {
        return optional("description", description, limits.maxText());
    }

    /** Department, location, employment type: short optional labels. */
    public String field(String name, String value) {
        return optional(name, value, limits.maxField());
    }

    /** The stage names a new job starts with: the given ones in order, or the configured defaults. */
    public List<String> stages(List<String> names) {
        if (names == null) {
            return List.copyOf(limits.defaultStages());
        }
        if (names.isEmpty() || names.size() > limits.maxStages()) {
            throw ApiException.validation("stages: between 1 and " + limits.maxStages() + " stages");
        }
        List<String> out = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || name.length() > limits.maxStageName()) {
                throw ApiException.validation("stages: each stage name must be 1 to " + limits.maxStageName() + " characters");
            }
            String n = name.strip();
            // the stage filters match names case-insensitively, so two stages must differ by more than case
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw ApiException.validation("stages: duplicate stage name '" + n + "'");
            }
            out.add(n);
        }
        return out;
    }

    /**
     * The job after a status change. A published job cannot go back to draft (its postings and
     * applications exist); a closed job may be published again, which clears its closing time.
     */
    public Job withStatus(Job job, JobStatus next, OffsetDateTime now) {
        if (next == job.status()) {
            return job;
        }
        if (next == JobStatus.DRAFT) {
            throw ApiException.validation("status: a " + job.status().wire() + " job cannot return to draft");
        }
        OffsetDateTime publishedAt = job.publishedAt() == null && next == JobStatus.PUBLISHED ? now : job.publishedAt();
        OffsetDateTime closedAt = next == JobStatus.CLOSED ? now : null;
        return new Job(job.id(), job.organizationId(), job.title(), job.description(), job.department(), job.location(),
                job.employmentType(), next, publishedAt, closedAt, job.createdAt(), job.updatedAt());
    }

    private static String optional(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.validation(name + ": at most " + max + " characters");
        }
        return value.strip();
    }
}
