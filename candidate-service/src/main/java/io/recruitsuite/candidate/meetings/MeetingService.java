package io.recruitsuite.candidate.meetings;

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

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Meetings of the hiring team with candidates or prospects; scheduling one is an event (meeting.scheduled). */
@ApplicationScoped
public class MeetingService {

    @Inject
    MeetingRepository meetings;
    @Inject
    Subjects subjects;
    @Inject
    WorkflowEvents events;
    @Inject
    WorkflowConfig config;

    public record Input(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> attendees, String notes) {
    }

    public record Changes(Input values, boolean titleSet, boolean startsAtSet, boolean endsAtSet, boolean attendeesSet, boolean notesSet) {
    }

    public Uni<Meeting> create(String organizationId, String candidateId, String prospectId, Input in) {
        String candidate = FieldRules.id("candidateId", "cand", candidateId);
        String prospect = FieldRules.id("prospectId", "prs", prospectId);
        Meeting.Details details = details(in);
        return store(organizationId, candidate, prospect, details);
    }

    @WithTransaction
    Uni<Meeting> store(String organizationId, String candidate, String prospect, Meeting.Details details) {
        return subjects.resolve(organizationId, candidate, null, prospect)
                .chain(s -> meetings.persist(new Meeting(Ids.newId("mtg"), organizationId, s.candidateId(), s.prospectId(), details,
                        Timestamps.now())))
                .call(events::meetingScheduled);
    }

    @WithSession
    public Uni<Meeting> get(String organizationId, String id) {
        return meetings.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Meeting"));
    }

    @WithSession
    public Uni<Listing<Meeting>> list(String organizationId, MeetingRepository.Filter filter, PageRequest page) {
        return Listing.of(page, m -> new Cursor(m.createdAt(), m.id()),
                (offset, limit) -> meetings.page(organizationId, filter, offset, limit),
                () -> meetings.count(organizationId, filter),
                (cursor, limit) -> meetings.after(organizationId, filter, cursor, limit));
    }

    public MeetingRepository.Filter filter(String candidateId, String prospectId, String attendee, OffsetDateTime from, OffsetDateTime to) {
        return new MeetingRepository.Filter(FieldRules.id("candidateId", "cand", candidateId), FieldRules.id("prospectId", "prs", prospectId),
                FieldRules.optional("attendee", attendee, config.maxField()), from, to);
    }

    @WithTransaction
    public Uni<Meeting> update(String organizationId, String id, Changes c) {
        return meetings.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Meeting"))
                .call(m -> {
                    Meeting.Details before = m.details();
                    Input v = c.values();
                    Meeting.Details after = details(new Input(c.titleSet() ? v.title() : before.title(),
                            c.startsAtSet() ? v.startsAt() : before.startsAt(), c.endsAtSet() ? v.endsAt() : before.endsAt(),
                            c.attendeesSet() ? v.attendees() : before.attendees(), c.notesSet() ? v.notes() : before.notes()));
                    List<String> changed = changed(before, after);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    m.change(after, Timestamps.now());
                    return events.meetingUpdated(m, before.startsAt(), changed);
                });
    }

    @WithTransaction
    public Uni<Void> delete(String organizationId, String id) {
        return meetings.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Meeting"))
                .call(m -> meetings.deleteById(organizationId, m.id()))
                .call(events::meetingCancelled)
                .replaceWithVoid();
    }

    private Meeting.Details details(Input in) {
        String title = FieldRules.required("title", in.title(), config.maxTitle());
        if (in.startsAt() == null) {
            throw ApiException.validation("startsAt: required (an ISO-8601 date-time such as 2026-03-02T14:00:00Z)");
        }
        if (in.endsAt() == null) {
            throw ApiException.validation("endsAt: required (an ISO-8601 date-time such as 2026-03-02T15:00:00Z)");
        }
        if (!in.endsAt().isAfter(in.startsAt())) {
            throw ApiException.validation("endsAt: must be after startsAt");
        }
        if (Duration.between(in.startsAt(), in.endsAt()).toMinutes() > config.maxDurationMinutes()) {
            throw ApiException.validation("endsAt: a meeting lasts at most " + config.maxDurationMinutes() + " minutes");
        }
        return new Meeting.Details(title, in.startsAt(), in.endsAt(),
                FieldRules.people("attendees", in.attendees(), false, config.maxPeople(), config.maxField()),
                FieldRules.optional("notes", in.notes(), config.maxText()));
    }

    /** The fields that differ, by their API names; times compare as instants. */
    private static List<String> changed(Meeting.Details before, Meeting.Details after) {
        List<String> changed = new java.util.ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) changed.add("title");
        if (!sameInstant(before.startsAt(), after.startsAt())) changed.add("startsAt");
        if (!sameInstant(before.endsAt(), after.endsAt())) changed.add("endsAt");
        if (!Objects.equals(before.attendees(), after.attendees())) changed.add("attendees");
        if (!Objects.equals(before.notes(), after.notes())) changed.add("notes");
        return changed;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }
}
