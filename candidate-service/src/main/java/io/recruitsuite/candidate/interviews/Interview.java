package io.recruitsuite.candidate.interviews;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * An interview of an application: when, how long, who interviews, where. Changed only through {@link #schedule} and
 * {@link #cancel}; {@code interviewerKeys} (the interviewers in lower case) is what the overlap check matches.
 */
@Entity
@Table(name = "interviews")
public class Interview implements OrganizationOwned {

    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "application_id")
    private String applicationId;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "job_id")
    private String jobId;
    private String kind;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> interviewers;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "interviewer_keys")
    private List<String> interviewerKeys;
    private String location;
    @Column(name = "video_url")
    private String videoUrl;
    @Column(name = "agent_id")
    private String agentId;
    private String status;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Interview() {
    }

    public Interview(String id, String organizationId, String applicationId, String candidateId, String jobId, Plan plan,
                     OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.applicationId = applicationId;
        this.candidateId = candidateId;
        this.jobId = jobId;
        this.status = SCHEDULED;
        this.createdAt = createdAt;
        schedule(plan, createdAt);
    }

    /** What can be rescheduled: the time, the length, the people, the kind and the place. */
    public record Plan(String kind, OffsetDateTime startsAt, int durationMinutes, List<String> interviewers, String location,
                       String videoUrl, String agentId) {

        public OffsetDateTime endsAt() {
            return startsAt.plusMinutes(durationMinutes);
        }

        public List<String> interviewerKeys() {
            return keys(interviewers);
        }
    }

    public static List<String> keys(List<String> people) {
        return people.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    public Plan plan() {
        return new Plan(kind, startsAt, durationMinutes, interviewers, location, videoUrl, agentId);
    }

    public void schedule(Plan plan, OffsetDateTime at) {
        this.kind = plan.kind();
        this.startsAt = plan.startsAt();
        this.durationMinutes = plan.durationMinutes();
        this.endsAt = plan.endsAt();
        this.interviewers = List.copyOf(plan.interviewers());
        this.interviewerKeys = plan.interviewerKeys();
        this.location = plan.location();
        this.videoUrl = plan.videoUrl();
        this.agentId = plan.agentId();
        this.updatedAt = at;
    }

    public void cancel(String reason, OffsetDateTime at) {
        this.status = CANCELLED;
        this.cancelReason = reason;
        this.cancelledAt = at;
        this.updatedAt = at;
    }

    /** Whether {@code person} (any case) is one of the interviewers. */
    public boolean hasInterviewer(String person) {
        return interviewerKeys.contains(person.toLowerCase(Locale.ROOT));
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

    public String candidateId() {
        return candidateId;
    }

    public String jobId() {
        return jobId;
    }

    public String kind() {
        return kind;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public List<String> interviewers() {
        return interviewers;
    }

    public String location() {
        return location;
    }

    public String videoUrl() {
        return videoUrl;
    }

    /** The interview agent of an interview of kind ai, else null. */
    public String agentId() {
        return agentId;
    }

    public String status() {
        return status;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public OffsetDateTime cancelledAt() {
        return cancelledAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
