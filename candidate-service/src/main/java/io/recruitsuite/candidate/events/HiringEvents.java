package io.recruitsuite.candidate.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.applications.Application;
import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Job and application events, appended to the outbox in the transaction of the change. They share
 * the candidate topic so that, per organization, an application never overtakes the candidate or
 * job it refers to.
 */
@ApplicationScoped
public class HiringEvents {

    private final ObjectMapper mapper;
    private final Outbox outbox;

    @Inject
    public HiringEvents(ObjectMapper mapper) {
        this.mapper = mapper;
        this.outbox = new Outbox(mapper);
    }

    public Uni<Void> jobCreated(SqlClient tx, Job job, List<Stage> stages) {
        return append(tx, EventTypes.JOB_CREATED, job.organizationId(), jobData(job, stages));
    }

    public Uni<Void> jobUpdated(SqlClient tx, Job job, List<Stage> stages, List<String> changed) {
        ObjectNode data = jobData(job, stages);
        data.set("changed", mapper.valueToTree(changed));
        return append(tx, EventTypes.JOB_UPDATED, job.organizationId(), data);
    }

    public Uni<Void> applicationCreated(SqlClient tx, Application a, Stage stage) {
        ObjectNode data = applicationData(a)
                .put("stageId", stage.id())
                .put("stageName", stage.name());
        return append(tx, EventTypes.APPLICATION_CREATED, a.organizationId(), data);
    }

    public Uni<Void> stageChanged(SqlClient tx, Application a, Stage from, Stage to) {
        ObjectNode data = applicationData(a)
                .put("fromStageId", from.id())
                .put("fromStageName", from.name())
                .put("toStageId", to.id())
                .put("toStageName", to.name());
        return append(tx, EventTypes.APPLICATION_STAGE_CHANGED, a.organizationId(), data);
    }

    public Uni<Void> applicationRejected(SqlClient tx, Application a, Stage stage) {
        ObjectNode data = applicationData(a)
                .put("stageId", stage.id())
                .put("stageName", stage.name())
                .put("reason", a.rejectionReason());
        return append(tx, EventTypes.APPLICATION_REJECTED, a.organizationId(), data);
    }

    private ObjectNode applicationData(Application a) {
        return mapper.createObjectNode()
                .put("applicationId", a.id())
                .put("candidateId", a.candidateId())
                .put("jobId", a.jobId())
                .put("status", a.status().wire());
    }

    private ObjectNode jobData(Job job, List<Stage> stages) {
        ObjectNode data = mapper.createObjectNode()
                .put("jobId", job.id())
                .put("title", job.title())
                .put("status", job.status().wire())
                .put("department", job.department())
                .put("location", job.location())
                .put("employmentType", job.employmentType());
        ArrayNode list = data.putArray("stages");
        for (Stage s : stages) {
            list.addObject().put("stageId", s.id()).put("name", s.name()).put("position", s.position());
        }
        return data;
    }

    private Uni<Void> append(SqlClient tx, String type, String organizationId, ObjectNode data) {
        return outbox.append(tx, Topics.CANDIDATE_EVENTS, EventEnvelope.create(type, organizationId, data));
    }
}
