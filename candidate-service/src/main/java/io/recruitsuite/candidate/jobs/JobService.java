package io.recruitsuite.candidate.jobs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.campaigns.CampaignService;
import io.recruitsuite.candidate.events.HiringEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Jobs with their pipelines; every change and its event commit together (one reactive transaction). */
@ApplicationScoped
public class JobService {

    @Inject
    JobRepository jobs;
    @Inject
    StageRepository stageRepository;
    @Inject
    ApplicationRepository applications;
    @Inject
    HiringEvents events;
    @Inject
    JobsConfig config;
    @Inject
    CampaignService campaigns;

    private JobRules rules;

    @PostConstruct
    void init() {
        rules = new JobRules(config);
    }

    public record NewJob(String title, String description, String department, String location, String employmentType,
                         String status, List<JobRules.StageSpec> stages, JobRules.SalaryInput salary, String remote, Integer openings,
                         String campaignId) {
    }

    /** A PATCH: only the fields that were present change ({@code null} clears an optional field). */
    public record Changes(String title, String description, String department, String location, String employmentType, String status,
                          boolean titleSet, boolean descriptionSet, boolean departmentSet, boolean locationSet,
                          boolean employmentTypeSet, boolean statusSet, TermChanges terms) {
    }

    /** The PATCH of a job's terms; a present {@code salary} replaces the whole range. */
    public record TermChanges(JobRules.SalaryInput salary, String remote, Integer openings,
                              boolean salarySet, boolean remoteSet, boolean openingsSet) {
        public static final TermChanges NONE = new TermChanges(null, null, null, false, false, false);
    }

    public record JobDetail(Job job, List<Stage> stages, JobCounts counts) {
    }

    public Uni<JobDetail> create(String organizationId, NewJob input) {
        String title = rules.title(input.title());
        String description = rules.description(input.description());
        String department = rules.field("department", input.department());
        String location = rules.field("location", input.location());
        String employmentType = rules.field("employmentType", input.employmentType());
        JobStatus status = input.status() == null ? JobStatus.DRAFT : JobStatus.parse("status", input.status());
        JobTerms terms = new JobTerms(rules.salary(input.salary()), rules.remote(input.remote()), rules.openings(input.openings()));
        String campaignId = FieldRules.id("campaignId", "cmp", input.campaignId());
        String jobId = Ids.newId("job");
        // stages given are checked now; without them a campaign's template (or the default pipeline) is used
        List<Stage> stages = input.stages() == null && campaignId != null ? null
                : rules.pipeline(organizationId, jobId, input.stages(), () -> Ids.newId("stg"));
        OffsetDateTime now = Timestamps.now();
        Job job = new Job(jobId, organizationId, title, description, department, location, employmentType,
                status, status == JobStatus.DRAFT ? null : now, status == JobStatus.CLOSED ? now : null, now, now).withTerms(terms);
        return campaignId == null ? store(job, stages) : storeInCampaign(job, stages, campaignId);
    }

    /** A job created in a campaign: it starts from the campaign's pipeline template when no stages were given, and joins it. */
    @WithTransaction
    Uni<JobDetail> storeInCampaign(Job job, List<Stage> given, String campaignId) {
        return campaigns.forNewJob(job.organizationId(), campaignId)
                .chain(campaign -> {
                    List<JobRules.StageSpec> template = campaign.template();
                    List<Stage> stages = given != null ? given : rules.pipeline(job.organizationId(), job.id(),
                            template.isEmpty() ? null : template, () -> Ids.newId("stg"));
                    return jobs.persist(job)
                            .chain(saved -> stageRepository.persistAll(stages))
                            .call(saved -> events.jobCreated(job, saved))
                            .call(saved -> campaigns.join(campaign, job.id()))
                            .map(saved -> new JobDetail(job, saved, JobCounts.NONE));
                });
    }

    @WithTransaction
    Uni<JobDetail> store(Job job, List<Stage> stages) {
        return jobs.persist(job)
                .chain(saved -> stageRepository.persistAll(stages))
                .call(saved -> events.jobCreated(job, saved))
                .map(saved -> new JobDetail(job, saved, JobCounts.NONE));
    }

    @WithSession
    public Uni<JobDetail> get(String organizationId, String id) {
        return jobs.findById(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Job"))
                .chain(job -> details(organizationId, List.of(job)).map(list -> list.get(0)));
    }

    @WithSession
    public Uni<List<Stage>> stages(String organizationId, String jobId) {
        return jobs.findById(organizationId, jobId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Job"))
                .chain(job -> stageRepository.stagesOf(organizationId, List.of(job.id())))
                .map(map -> map.getOrDefault(jobId, List.of()));
    }

    @WithSession
    public Uni<Listing<JobDetail>> list(String organizationId, JobStatus status, PageRequest page) {
        return Listing.<Job>of(page, j -> new Cursor(j.createdAt(), j.id()),
                        (offset, limit) -> jobs.page(organizationId, status, offset, limit),
                        () -> jobs.count(organizationId, status),
                        (cursor, limit) -> jobs.after(organizationId, status, cursor, limit))
                .chain(listing -> details(organizationId, listing.items())
                        .map(items -> new Listing<>(items, listing.total(), listing.nextCursor(), listing.hasMore())));
    }

    @WithTransaction
    public Uni<JobDetail> update(String organizationId, String id, Changes changes) {
        return jobs.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Job"))
                .chain(job -> {
                    OffsetDateTime now = Timestamps.now();
                    Job before = job.copy();
                    Job edited = new Job(before.id(), before.organizationId(),
                            changes.titleSet() ? rules.title(changes.title()) : before.title(),
                            changes.descriptionSet() ? rules.description(changes.description()) : before.description(),
                            changes.departmentSet() ? rules.field("department", changes.department()) : before.department(),
                            changes.locationSet() ? rules.field("location", changes.location()) : before.location(),
                            changes.employmentTypeSet() ? rules.field("employmentType", changes.employmentType()) : before.employmentType(),
                            before.status(), before.publishedAt(), before.closedAt(), before.createdAt(), before.updatedAt())
                            .withTerms(terms(before.terms(), changes.terms()));
                    Job after = changes.statusSet() ? rules.withStatus(edited, JobStatus.parse("status", changes.status()), now) : edited;
                    List<String> changed = changedFields(before, after);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(job);
                    }
                    job.takeOver(after, now);
                    return stageRepository.stagesOf(organizationId, List.of(id))
                            .chain(stages -> events.jobUpdated(job, stages.getOrDefault(id, List.of()), changed))
                            .replaceWith(job);
                })
                .chain(job -> details(organizationId, List.of(job)).map(list -> list.get(0)));
    }

    private JobTerms terms(JobTerms before, TermChanges c) {
        return new JobTerms(c.salarySet() ? rules.salary(c.salary()) : before.salary(),
                c.remoteSet() ? rules.remote(c.remote()) : before.remote(),
                c.openingsSet() ? rules.openings(c.openings()) : before.openings());
    }

    static List<String> changedFields(Job before, Job after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) changed.add("title");
        if (!Objects.equals(before.description(), after.description())) changed.add("description");
        if (!Objects.equals(before.department(), after.department())) changed.add("department");
        if (!Objects.equals(before.location(), after.location())) changed.add("location");
        if (!Objects.equals(before.employmentType(), after.employmentType())) changed.add("employmentType");
        if (before.status() != after.status()) changed.add("status");
        if (!sameSalary(before.terms().salary(), after.terms().salary())) changed.add("salary");
        if (!Objects.equals(before.terms().remote(), after.terms().remote())) changed.add("remote");
        if (before.terms().openings() != after.terms().openings()) changed.add("openings");
        return changed;
    }

    /** Amounts compare by value: 100 and 100.00 are the same pay. */
    private static boolean sameSalary(Salary a, Salary b) {
        if (a == null || b == null) {
            return a == b;
        }
        return amountEquals(a.min(), b.min()) && amountEquals(a.max(), b.max()) && a.currency().equals(b.currency())
                && a.period().equals(b.period());
    }

    private static boolean amountEquals(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private Uni<List<JobDetail>> details(String organizationId, List<Job> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = list.stream().map(Job::id).toList();
        return stageRepository.stagesOf(organizationId, ids)
                .chain(stages -> applications.countsByJob(organizationId, ids).map(counts -> assemble(list, stages, counts)));
    }

    private static List<JobDetail> assemble(List<Job> list, Map<String, List<Stage>> stages, Map<String, JobCounts> counts) {
        return list.stream()
                .map(j -> new JobDetail(j, stages.getOrDefault(j.id(), List.of()), counts.getOrDefault(j.id(), JobCounts.NONE)))
                .toList();
    }
}
