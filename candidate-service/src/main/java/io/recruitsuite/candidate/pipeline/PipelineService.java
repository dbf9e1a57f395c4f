package io.recruitsuite.candidate.pipeline;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.recruitsuite.candidate.applications.ApplicationDetail;
import io.recruitsuite.candidate.applications.ApplicationFilter;
import io.recruitsuite.candidate.applications.ApplicationService;
import io.recruitsuite.candidate.applications.ApplicationStatus;
import io.recruitsuite.candidate.jobs.JobService;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.candidate.jobs.StageRepository;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Read side of the pipeline: a job's stages and who is at each. Moves live in {@link ApplicationService}. */
@ApplicationScoped
public class PipelineService {

    @Inject
    JobService jobs;
    @Inject
    StageRepository stageRepository;
    @Inject
    ApplicationService applications;

    @WithSession
    public Uni<List<Stage>> stages(String organizationId, String jobId) {
        if (jobId == null || jobId.isEmpty()) {
            throw ApiException.validation("jobId: required (stages belong to a job)");
        }
        return jobs.stages(organizationId, jobId);
    }

    /** Active applications at a stage, newest first; with {@code jobId}, the stage must belong to that job. */
    @WithSession
    public Uni<Listing<ApplicationDetail>> atStage(String organizationId, String jobId, String stageId, PageRequest page) {
        if (!Ids.looksLike("stg", stageId)) {
            throw ApiException.notFound("Stage");
        }
        return stageRepository.findById(organizationId, stageId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Stage"))
                .invoke(stage -> {
                    if (jobId != null && !stage.jobId().equals(jobId)) {
                        throw ApiException.notFound("Stage");
                    }
                })
                .chain(stage -> applications.list(organizationId,
                        new ApplicationFilter(stage.jobId(), null, stage.id(), ApplicationStatus.ACTIVE), page));
    }

    @WithSession
    public Uni<Listing<ApplicationDetail>> applicationsOfJob(String organizationId, String jobId, ApplicationFilter filter, PageRequest page) {
        return jobs.get(organizationId, jobId)
                .chain(job -> applications.list(organizationId,
                        new ApplicationFilter(job.job().id(), filter.candidateId(), null, filter.status()), page));
    }
}
