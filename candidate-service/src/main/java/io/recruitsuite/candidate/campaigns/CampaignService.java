package io.recruitsuite.candidate.campaigns;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.events.WorkflowEvents;
import io.recruitsuite.candidate.jobs.JobRules;
import io.recruitsuite.candidate.jobs.JobRules.StageSpec;
import io.recruitsuite.candidate.jobs.JobsConfig;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.candidate.workflow.WorkflowConfig;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Campaigns (seed 001's hiring processes): a hiring drive grouping jobs, with the pipeline template its new jobs start from.
 * Creating one is campaign.created; every change, adding and removing jobs included, is campaign.updated.
 */
@ApplicationScoped
public class CampaignService {

    static final List<String> STATUSES = List.of(Campaign.DRAFT, Campaign.ACTIVE, Campaign.CLOSED);

    @Inject
    CampaignRepository campaigns;
    @Inject
    WorkflowEvents events;
    @Inject
    WorkflowConfig config;
    @Inject
    JobsConfig jobsConfig;

    private JobRules jobRules;

    @PostConstruct
    void init() {
        jobRules = new JobRules(jobsConfig);
    }

    public record NewCampaign(String name, String status, OffsetDateTime startsAt, OffsetDateTime endsAt, List<StageSpec> pipelineTemplate) {
    }

    /** A PATCH: only the fields present change ({@code null} clears the dates and the template). */
    public record Changes(NewCampaign values, boolean nameSet, boolean statusSet, boolean startsAtSet, boolean endsAtSet,
                          boolean pipelineTemplateSet) {
    }

    public Uni<Campaign> create(String organizationId, NewCampaign in) {
        Campaign.Settings settings = checked(new Campaign.Settings(FieldRules.required("name", in.name(), config.maxTitle()),
                in.status() == null ? Campaign.DRAFT : FieldRules.oneOf("status", in.status(), STATUSES), in.startsAt(), in.endsAt(),
                template(in.pipelineTemplate())));
        return store(organizationId, settings);
    }

    @WithTransaction
    Uni<Campaign> store(String organizationId, Campaign.Settings settings) {
        return campaigns.persist(new Campaign(Ids.newId("cmp"), organizationId, settings, Timestamps.now()))
                .call(events::campaignCreated);
    }

    @WithSession
    public Uni<Campaign> get(String organizationId, String id) {
        return campaigns.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Campaign"));
    }

    @WithSession
    public Uni<Listing<Campaign>> list(String organizationId, String status, PageRequest page) {
        return Listing.of(page, c -> new Cursor(c.createdAt(), c.id()),
                (offset, limit) -> campaigns.page(organizationId, status, offset, limit),
                () -> campaigns.count(organizationId, status),
                (cursor, limit) -> campaigns.after(organizationId, status, cursor, limit));
    }

    /** The list's status filter: absent or empty is every status. */
    public static String status(String value) {
        return value == null || value.isEmpty() ? null : FieldRules.oneOf("status", value, STATUSES);
    }

    @WithTransaction
    public Uni<Campaign> update(String organizationId, String id, Changes c) {
        NewCampaign v = c.values();
        String name = c.nameSet() ? FieldRules.required("name", v.name(), config.maxTitle()) : null;
        String status = c.statusSet() ? FieldRules.oneOf("status", v.status(), STATUSES) : null;
        List<StageSpec> template = c.pipelineTemplateSet() ? template(v.pipelineTemplate()) : null;
        return campaigns.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign"))
                .chain(campaign -> {
                    Campaign.Settings before = campaign.settings();
                    Campaign.Settings after = checked(new Campaign.Settings(c.nameSet() ? name : before.name(),
                            c.statusSet() ? status : before.status(), c.startsAtSet() ? v.startsAt() : before.startsAt(),
                            c.endsAtSet() ? v.endsAt() : before.endsAt(), c.pipelineTemplateSet() ? template : before.template()));
                    List<String> changed = changed(before, after);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(campaign);
                    }
                    campaign.change(after, Timestamps.now());
                    return events.campaignUpdated(campaign, changed).replaceWith(campaign);
                });
    }

    /** Adds an existing job of the organization; adding a job already there changes nothing. A closed campaign takes no jobs. */
    @WithTransaction
    public Uni<Campaign> addJob(String organizationId, String id, String jobId) {
        String job = FieldRules.requiredId("jobId", "job", jobId);
        return campaigns.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign"))
                .call(c -> campaigns.jobExists(organizationId, job)
                        .invoke(exists -> {
                            if (!exists) {
                                throw ApiException.notFound("Job");
                            }
                        }))
                .chain(c -> join(c, job));
    }

    /**
     * The campaign a new job joins, locked until the job's transaction ends (the caller's transaction): 404 when the
     * organization has no such campaign, 409 when it is closed.
     */
    public Uni<Campaign> forNewJob(String organizationId, String id) {
        return campaigns.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign"))
                .invoke(c -> {
                    if (Campaign.CLOSED.equals(c.status())) {
                        throw new ApiException(ErrorCode.CONFLICT, "Campaign is closed: it takes no more jobs");
                    }
                });
    }

    /** Adds a job (in the caller's transaction) and tells campaign.updated. */
    public Uni<Campaign> join(Campaign c, String jobId) {
        if (c.jobIds().contains(jobId)) {
            return Uni.createFrom().item(c);
        }
        if (Campaign.CLOSED.equals(c.status())) {
            throw new ApiException(ErrorCode.CONFLICT, "Campaign is closed: it takes no more jobs");
        }
        if (c.jobIds().size() >= config.maxCampaignJobs()) {
            throw ApiException.validation("jobId: a campaign groups at most " + config.maxCampaignJobs() + " jobs");
        }
        c.addJob(jobId, Timestamps.now());
        return events.campaignUpdated(c, List.of("jobIds")).replaceWith(c);
    }

    /** Removes a job from the campaign (the job itself stays); 404 when the job is not in it. */
    @WithTransaction
    public Uni<Campaign> removeJob(String organizationId, String id, String jobId) {
        return campaigns.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign"))
                .chain(c -> {
                    if (!c.removeJob(jobId, Timestamps.now())) {
                        throw ApiException.notFound("Job");
                    }
                    return events.campaignUpdated(c, List.of("jobIds")).replaceWith(c);
                });
    }

    /** Null or empty: no template (new jobs get the default pipeline); otherwise checked as a job's stages, types resolved. */
    private List<StageSpec> template(List<StageSpec> specs) {
        return specs == null || specs.isEmpty() ? List.of() : jobRules.template("pipelineTemplate", specs);
    }

    private static Campaign.Settings checked(Campaign.Settings s) {
        if (s.startsAt() != null && s.endsAt() != null && !s.endsAt().isAfter(s.startsAt())) {
            throw ApiException.validation("endsAt: must be after startsAt");
        }
        return s;
    }

    private static List<String> changed(Campaign.Settings a, Campaign.Settings b) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(a.name(), b.name())) changed.add("name");
        if (!Objects.equals(a.status(), b.status())) changed.add("status");
        if (!sameInstant(a.startsAt(), b.startsAt())) changed.add("startsAt");
        if (!sameInstant(a.endsAt(), b.endsAt())) changed.add("endsAt");
        if (!a.template().equals(b.template())) changed.add("pipelineTemplate");
        return changed;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }
}
