package io.recruitsuite.candidate.tasks;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.events.WorkflowEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.candidate.workflow.Subjects;
import io.recruitsuite.candidate.workflow.WorkflowConfig;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Tasks of the hiring team; creating one and completing one are events (task.created, task.completed). */
@ApplicationScoped
public class TaskService {

    static final List<String> STATUSES = List.of(Task.OPEN, Task.DONE);

    @Inject
    TaskRepository tasks;
    @Inject
    Subjects subjects;
    @Inject
    WorkflowEvents events;
    @Inject
    WorkflowConfig config;

    public record NewTask(String title, OffsetDateTime dueAt, String assignee, String candidateId, String applicationId,
                          String prospectId, String status) {
    }

    /** A PATCH: only the fields present change; what a task is about is fixed at creation. */
    public record Changes(String title, OffsetDateTime dueAt, String assignee, String status,
                          boolean titleSet, boolean dueAtSet, boolean assigneeSet, boolean statusSet) {
    }

    public Uni<Task> create(String organizationId, NewTask in) {
        String title = FieldRules.required("title", in.title(), config.maxTitle());
        String assignee = FieldRules.optional("assignee", in.assignee(), config.maxField());
        String candidate = FieldRules.id("candidateId", "cand", in.candidateId());
        String application = FieldRules.id("applicationId", "app", in.applicationId());
        String prospect = FieldRules.id("prospectId", "prs", in.prospectId());
        String status = in.status() == null ? Task.OPEN : FieldRules.oneOf("status", in.status(), STATUSES);
        return store(organizationId, title, in.dueAt(), assignee, candidate, application, prospect, status);
    }

    @WithTransaction
    Uni<Task> store(String organizationId, String title, OffsetDateTime dueAt, String assignee, String candidate, String application,
                    String prospect, String status) {
        return subjects.resolve(organizationId, candidate, application, prospect)
                .chain(s -> tasks.persist(new Task(Ids.newId("tsk"), organizationId, title, dueAt, assignee, s.candidateId(),
                        s.applicationId(), s.prospectId(), status, Timestamps.now())))
                .call(events::taskCreated)
                .call(t -> Task.DONE.equals(t.status()) ? events.taskCompleted(t) : Uni.createFrom().voidItem());
    }

    @WithSession
    public Uni<Task> get(String organizationId, String id) {
        return tasks.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Task"));
    }

    @WithSession
    public Uni<Listing<Task>> list(String organizationId, TaskRepository.Filter filter, PageRequest page) {
        return Listing.of(page, t -> new Cursor(t.createdAt(), t.id()),
                (offset, limit) -> tasks.page(organizationId, filter, offset, limit),
                () -> tasks.count(organizationId, filter),
                (cursor, limit) -> tasks.after(organizationId, filter, cursor, limit));
    }

    public static TaskRepository.Filter filter(String assignee, String status, OffsetDateTime dueBefore, String candidateId) {
        return new TaskRepository.Filter(assignee == null || assignee.isBlank() ? null : assignee.strip(),
                status == null || status.isEmpty() ? null : FieldRules.oneOf("status", status, STATUSES), dueBefore,
                FieldRules.id("candidateId", "cand", candidateId));
    }

    @WithTransaction
    public Uni<Task> update(String organizationId, String id, Changes c) {
        String title = c.titleSet() ? FieldRules.required("title", c.title(), config.maxTitle()) : null;
        String assignee = c.assigneeSet() ? FieldRules.optional("assignee", c.assignee(), config.maxField()) : null;
        String status = c.statusSet() ? FieldRules.oneOf("status", c.status(), STATUSES) : null;
        return tasks.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Task"))
                .chain(t -> {
                    OffsetDateTime now = Timestamps.now();
                    String newTitle = c.titleSet() ? title : t.title();
                    OffsetDateTime newDue = c.dueAtSet() ? c.dueAt() : t.dueAt();
                    String newAssignee = c.assigneeSet() ? assignee : t.assignee();
                    if (!Objects.equals(newTitle, t.title()) || !Objects.equals(newDue, t.dueAt()) || !Objects.equals(newAssignee, t.assignee())) {
                        t.edit(newTitle, newDue, newAssignee, now);
                    }
                    if (status == null || status.equals(t.status())) {
                        return Uni.createFrom().item(t);
                    }
                    t.status(status, now);
                    // done is the event integrators wait for; reopening is a correction and tells nobody
                    return Task.DONE.equals(status) ? events.taskCompleted(t).replaceWith(t) : Uni.createFrom().item(t);
                });
    }

    @WithTransaction
    public Uni<Void> delete(String organizationId, String id) {
        return tasks.deleteById(organizationId, id)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ApiException.notFound("Task");
                    }
                })
                .replaceWithVoid();
    }
}
