package io.recruitsuite.candidate.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.recruitsuite.candidate.agents.InterviewAgent;
import io.recruitsuite.candidate.assessments.Assessment;
import io.recruitsuite.candidate.campaigns.Campaign;
import io.recruitsuite.candidate.interviews.Interview;
import io.recruitsuite.candidate.interviews.Scorecard;
import io.recruitsuite.candidate.meetings.Meeting;
import io.recruitsuite.candidate.prospects.Prospect;
import io.recruitsuite.candidate.tasks.Task;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.AssessmentCompleted;
import io.recruitsuite.common.events.EventPayload.CampaignCreated;
import io.recruitsuite.common.events.EventPayload.CampaignUpdated;
import io.recruitsuite.common.events.EventPayload.TemplateStage;
import io.recruitsuite.common.events.EventPayload.InterviewCancelled;
import io.recruitsuite.common.events.EventPayload.InterviewRescheduled;
import io.recruitsuite.common.events.EventPayload.InterviewScheduled;
import io.recruitsuite.common.events.EventPayload.AgentCreated;
import io.recruitsuite.common.events.EventPayload.AgentDeleted;
import io.recruitsuite.common.events.EventPayload.AgentUpdated;
import io.recruitsuite.common.events.EventPayload.MeetingCancelled;
import io.recruitsuite.common.events.EventPayload.MeetingScheduled;
import io.recruitsuite.common.events.EventPayload.MeetingUpdated;
import io.recruitsuite.common.events.EventPayload.ScorecardSubmitted;
import io.recruitsuite.common.events.EventPayload.ProspectConverted;
import io.recruitsuite.common.events.EventPayload.ProspectCreated;
import io.recruitsuite.common.events.EventPayload.TaskCompleted;
import io.recruitsuite.common.events.EventPayload.TaskCreated;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.SessionOutbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Events of the hiring workflow (prospects, tasks, interviews, scorecards, assessments, meetings), appended to the outbox
 * in the transaction of the change, on the candidate topic with the candidates and applications they refer to.
 */
@ApplicationScoped
public class WorkflowEvents {

    private final SessionOutbox outbox;

    @Inject
    public WorkflowEvents(ObjectMapper mapper) {
        this.outbox = new SessionOutbox(mapper);
    }

    static String time(OffsetDateTime at) {
        return at == null ? null : EventEnvelope.format(at.toInstant());
    }

    public Uni<Void> prospectCreated(Prospect p) {
        return outbox.append(Events.PROSPECT_CREATED, p.organizationId(), new ProspectCreated(p.id(), p.name(), p.source(), p.tags()));
    }

    public Uni<Void> prospectConverted(Prospect p, String applicationId) {
        return outbox.append(Events.PROSPECT_CONVERTED, p.organizationId(), new ProspectConverted(p.id(), p.candidateId(), applicationId));
    }

    /**
     * A prospect's erasure: the published outbox rows about it (its name) go with it, as a candidate's do; rows not yet
     * published still have to reach the consumers and leave after {@code outbox.retention}.
     */
    public Uni<Integer> forgetProspect(String organizationId, String prospectId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from outbox where record_key = :org "
                        + "and published_at is not null and cast(payload as jsonb) #>> '{data,prospectId}' = :prospect")
                .setParameter("org", organizationId).setParameter("prospect", prospectId).executeUpdate());
    }

    /** The same for the prospects a candidate came from, before the candidate's erasure removes them. */
    public Uni<Integer> forgetProspectsOf(String organizationId, String candidateId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from outbox where record_key = :org "
                        + "and published_at is not null and cast(payload as jsonb) #>> '{data,prospectId}' in "
                        + "(select id from prospects where organization_id = :org and candidate_id = :candidate)")
                .setParameter("org", organizationId).setParameter("candidate", candidateId).executeUpdate());
    }

    public Uni<Void> taskCreated(Task t) {
        return outbox.append(Events.TASK_CREATED, t.organizationId(), new TaskCreated(t.id(), t.title(), t.assignee(), time(t.dueAt()),
                t.candidateId(), t.applicationId(), t.prospectId()));
    }

    public Uni<Void> taskCompleted(Task t) {
        return outbox.append(Events.TASK_COMPLETED, t.organizationId(), new TaskCompleted(t.id(), t.assignee(), time(t.completedAt()),
                t.candidateId(), t.applicationId(), t.prospectId()));
    }

    public Uni<Void> interviewScheduled(Interview i) {
        return outbox.append(Events.INTERVIEW_SCHEDULED, i.organizationId(), new InterviewScheduled(i.id(), i.applicationId(),
                i.candidateId(), i.jobId(), i.kind(), time(i.startsAt()), time(i.endsAt()), i.interviewers()));
    }

    public Uni<Void> interviewRescheduled(Interview i, OffsetDateTime previousStartsAt, List<String> changed) {
        return outbox.append(Events.INTERVIEW_RESCHEDULED, i.organizationId(), new InterviewRescheduled(i.id(), i.applicationId(),
                i.candidateId(), i.jobId(), i.kind(), time(i.startsAt()), time(i.endsAt()), i.interviewers(), time(previousStartsAt), changed));
    }

    public Uni<Void> interviewCancelled(Interview i) {
        return outbox.append(Events.INTERVIEW_CANCELLED, i.organizationId(), new InterviewCancelled(i.id(), i.applicationId(),
                i.candidateId(), i.jobId(), time(i.startsAt()), i.cancelReason()));
    }

    public Uni<Void> scorecardSubmitted(Scorecard s, boolean revised) {
        return outbox.append(Events.SCORECARD_SUBMITTED, s.organizationId(), new ScorecardSubmitted(s.id(), s.interviewId(),
                s.applicationId(), s.candidateId(), s.interviewer(), s.recommendation(), s.ratings(), revised));
    }

    public Uni<Void> assessmentCompleted(Assessment a) {
        return outbox.append(Events.ASSESSMENT_COMPLETED, a.organizationId(), new AssessmentCompleted(a.id(), a.applicationId(),
                a.candidateId(), a.jobId(), a.name(), a.provider(), a.score(), a.passed(), a.reportUrl()));
    }

    public Uni<Void> meetingScheduled(Meeting m) {
        return outbox.append(Events.MEETING_SCHEDULED, m.organizationId(), new MeetingScheduled(m.id(), m.title(), time(m.startsAt()),
                time(m.endsAt()), m.attendees(), m.candidateId(), m.prospectId()));
    }

    public Uni<Void> meetingUpdated(Meeting m, OffsetDateTime previousStartsAt, List<String> changed) {
        return outbox.append(Events.MEETING_UPDATED, m.organizationId(), new MeetingUpdated(m.id(), m.title(), time(m.startsAt()),
                time(m.endsAt()), m.attendees(), m.candidateId(), m.prospectId(), time(previousStartsAt), changed));
    }

    public Uni<Void> meetingCancelled(Meeting m) {
        return outbox.append(Events.MEETING_CANCELLED, m.organizationId(), new MeetingCancelled(m.id(), time(m.startsAt()),
                m.candidateId(), m.prospectId()));
    }

    public Uni<Void> agentCreated(InterviewAgent a) {
        return outbox.append(Events.AGENT_CREATED, a.organizationId(), new AgentCreated(a.id(), a.name(), a.language(), a.voice(),
                a.tone(), a.questions() == null ? 0 : a.questions().size()));
    }

    public Uni<Void> agentUpdated(InterviewAgent a, List<String> changed) {
        return outbox.append(Events.AGENT_UPDATED, a.organizationId(), new AgentUpdated(a.id(), a.name(), a.language(), a.voice(),
                a.tone(), a.questions() == null ? 0 : a.questions().size(), changed));
    }

    public Uni<Void> agentDeleted(InterviewAgent a) {
        return outbox.append(Events.AGENT_DELETED, a.organizationId(), new AgentDeleted(a.id()));
    }

    public Uni<Void> campaignCreated(Campaign c) {
        return outbox.append(Events.CAMPAIGN_CREATED, c.organizationId(), new CampaignCreated(c.id(), c.name(), c.status(),
                time(c.startsAt()), time(c.endsAt()), c.jobIds(), template(c)));
    }

    public Uni<Void> campaignUpdated(Campaign c, List<String> changed) {
        return outbox.append(Events.CAMPAIGN_UPDATED, c.organizationId(), new CampaignUpdated(c.id(), c.name(), c.status(),
                time(c.startsAt()), time(c.endsAt()), c.jobIds(), template(c), changed));
    }

    private static List<TemplateStage> template(Campaign c) {
        return c.template().stream().map(s -> new TemplateStage(s.name(), s.type())).toList();
    }
}
