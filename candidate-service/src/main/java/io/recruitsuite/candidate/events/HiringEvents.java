package io.recruitsuite.candidate.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.candidate.applications.Application;
import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.Salary;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.common.events.EventPayload.ApplicationCreated;
import io.recruitsuite.common.events.EventPayload.ApplicationRejected;
import io.recruitsuite.common.events.EventPayload.ApplicationStageChanged;
import io.recruitsuite.common.events.EventPayload.JobCreated;
import io.recruitsuite.common.events.EventPayload.JobUpdated;
import io.recruitsuite.common.events.EventPayload.SalaryRange;
import io.recruitsuite.common.events.EventPayload.StageRef;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.SessionOutbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Job and application events, appended to the outbox in the transaction of the change (the current reactive session's). They share
 * the candidate topic so that, per organization, an application never overtakes the candidate or
 * job it refers to.
 */
@ApplicationScoped
public class HiringEvents {

    private final SessionOutbox outbox;

    @Inject
    public HiringEvents(ObjectMapper mapper) {
        this.outbox = new SessionOutbox(mapper);
    }

    public Uni<Void> jobCreated(Job job, List<Stage> stages) {
        return outbox.append(Events.JOB_CREATED, job.organizationId(), new JobCreated(job.id(), job.title(), job.status().wire(),
                job.department(), job.location(), job.employmentType(), stageRefs(stages), salary(job), job.terms().remote(),
                job.terms().openings()));
    }

    public Uni<Void> jobUpdated(Job job, List<Stage> stages, List<String> changed) {
        return outbox.append(Events.JOB_UPDATED, job.organizationId(), new JobUpdated(job.id(), job.title(), job.status().wire(),
                job.department(), job.location(), job.employmentType(), stageRefs(stages), changed, salary(job), job.terms().remote(),
                job.terms().openings()));
    }

    public Uni<Void> applicationCreated(Application a, Stage stage) {
        return outbox.append(Events.APPLICATION_CREATED, a.organizationId(),
                new ApplicationCreated(a.id(), a.candidateId(), a.jobId(), a.status().wire(), stage.id(), stage.name()));
    }

    public Uni<Void> stageChanged(Application a, Stage from, Stage to) {
        return outbox.append(Events.APPLICATION_STAGE_CHANGED, a.organizationId(), new ApplicationStageChanged(a.id(), a.candidateId(),
                a.jobId(), a.status().wire(), from.id(), from.name(), to.id(), to.name()));
    }

    public Uni<Void> applicationRejected(Application a, Stage stage) {
        return outbox.append(Events.APPLICATION_REJECTED, a.organizationId(), new ApplicationRejected(a.id(), a.candidateId(), a.jobId(),
                a.status().wire(), stage.id(), stage.name(), a.rejectionReason()));
    }

    private static List<StageRef> stageRefs(List<Stage> stages) {
        return stages.stream().map(s -> new StageRef(s.id(), s.name(), s.position(), s.type() == null ? null : s.type().wire())).toList();
    }

    private static SalaryRange salary(Job job) {
        Salary salary = job.terms().salary();
        return salary == null ? null : new SalaryRange(salary.min(), salary.max(), salary.currency(), salary.period());
    }
}
