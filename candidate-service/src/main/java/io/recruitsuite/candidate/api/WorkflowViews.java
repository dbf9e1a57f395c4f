package io.recruitsuite.candidate.api;

import io.recruitsuite.candidate.prospects.Prospect;
import io.recruitsuite.candidate.prospects.ProspectService.Conversion;
import io.recruitsuite.candidate.tasks.Task;

import java.time.OffsetDateTime;
import java.util.List;

/** Wire shapes of prospects and tasks. */
public final class WorkflowViews {

    private WorkflowViews() {
    }

    /** A prospect with its contact details, for callers with candidates:read. */
    public record ProspectView(String id, String name, String firstName, String lastName, String email, String phone, String source,
                               List<String> tags, String linkedinUrl, String candidateId, OffsetDateTime convertedAt,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A prospect without who it is (no name, email, phone or profile): what a caller without candidates:read sees. */
    public record ProspectRef(String id, String source, List<String> tags, String candidateId, OffsetDateTime convertedAt,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static Object prospect(Prospect p, boolean contact) {
        return contact
                ? new ProspectView(p.id(), p.name(), p.firstName(), p.lastName(), p.email(), p.phone(), p.source(), p.tags(),
                p.linkedinUrl(), p.candidateId(), p.convertedAt(), p.createdAt(), p.updatedAt())
                : new ProspectRef(p.id(), p.source(), p.tags(), p.candidateId(), p.convertedAt(), p.createdAt(), p.updatedAt());
    }

    public record ConversionView(Object prospect, String candidateId, String applicationId) {
        public static ConversionView of(Conversion c, boolean contact) {
            return new ConversionView(WorkflowViews.prospect(c.prospect(), contact), c.candidateId(), c.applicationId());
        }
    }

    public record TaskView(String id, String title, String status, OffsetDateTime dueAt, String assignee, String candidateId,
                           String applicationId, String prospectId, OffsetDateTime completedAt, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {
        public static TaskView of(Task t) {
            return new TaskView(t.id(), t.title(), t.status(), t.dueAt(), t.assignee(), t.candidateId(), t.applicationId(), t.prospectId(),
                    t.completedAt(), t.createdAt(), t.updatedAt());
        }
    }
}
