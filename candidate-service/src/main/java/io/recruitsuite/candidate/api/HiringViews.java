package io.recruitsuite.candidate.api;

import io.recruitsuite.candidate.applications.ApplicationDetail;
import io.recruitsuite.candidate.applications.StageVisit;
import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.JobCounts;
import io.recruitsuite.candidate.jobs.JobTerms;
import io.recruitsuite.candidate.jobs.Salary;
import io.recruitsuite.candidate.jobs.JobService.JobDetail;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.candidate.notes.Note;

import java.time.OffsetDateTime;
import java.util.List;

/** Wire shapes of jobs, stages, applications and notes. */
public final class HiringViews {

    private HiringViews() {
    }

    public record StageView(String id, String jobId, String name, int position, String type) {
        public static StageView of(Stage s) {
            return new StageView(s.id(), s.jobId(), s.name(), s.position(), s.type().wire());
        }
    }

    public record JobView(String id, String title, String description, String department, String location, String employmentType,
                          String status, OffsetDateTime publishedAt, OffsetDateTime closedAt, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt, List<StageView> stages, JobCounts counts, Salary salary, String remote, int openings) {
        public static JobView of(JobDetail d) {
            Job j = d.job();
            JobTerms terms = j.terms();
            return new JobView(j.id(), j.title(), j.description(), j.department(), j.location(), j.employmentType(), j.status().wire(),
                    j.publishedAt(), j.closedAt(), j.createdAt(), j.updatedAt(), d.stages().stream().map(StageView::of).toList(), d.counts(),
                    terms.salary(), terms.remote(), terms.openings());
        }
    }

    /** The candidate inside an application: contact details, or the id alone for callers without candidates:read. */
    public record CandidateContact(String id, String name, String email, String phone) {
    }

    public record CandidateRef(String id) {
    }

    public record StageVisitView(String id, String stageId, String stageName, String status, OffsetDateTime startedAt,
                                 OffsetDateTime completedAt) {
        public static StageVisitView of(StageVisit v) {
            return new StageVisitView(v.id(), v.stageId(), v.stageName(), v.completedAt() == null ? "in_progress" : "completed",
                    v.startedAt(), v.completedAt());
        }
    }

    public record ApplicationView(String id, String jobId, String candidateId, String status, String currentStageId,
                                  String currentStageName, String rejectionReason, OffsetDateTime rejectedAt, OffsetDateTime createdAt,
                                  OffsetDateTime updatedAt, Object candidate, List<StageVisitView> stageHistory) {
        public static ApplicationView of(ApplicationDetail d, boolean showContact) {
            var a = d.application();
            var c = d.candidate();
            Object candidate = showContact ? new CandidateContact(c.id(), c.name(), c.email(), c.phone()) : new CandidateRef(c.id());
            return new ApplicationView(a.id(), a.jobId(), a.candidateId(), a.status().wire(), a.stageId(), d.stageName(),
                    a.rejectionReason(), a.rejectedAt(), a.createdAt(), a.updatedAt(), candidate,
                    d.history().stream().map(StageVisitView::of).toList());
        }
    }

    public record NoteView(String id, String candidateId, String body, String author, OffsetDateTime createdAt, String prospectId) {
        public static NoteView of(Note n) {
            return new NoteView(n.id(), n.candidateId(), n.body(), n.author(), n.createdAt(), n.prospectId());
        }
    }
}
