package io.recruitsuite.common.events;

import io.recruitsuite.common.security.ContactDetails;
import io.recruitsuite.common.security.Scopes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may see which event, for webhook endpoints: an endpoint receives a type only if the read scopes
 * recorded for it (those of whoever created it or last changed its URL or subscriptions) could read
 * what the event tells, and the contact fields of a payload only with {@code candidates:read}
 * ({@link ContactDetails}). docs/security.md and docs/webhooks.md state the rule.
 */
public final class EventAccess {

    /**
     * Not an API-key scope (no key can carry it): a dashboard session reads the organization's keys,
     * which no API key can, so an endpoint made by a session records it and may receive the key events.
     */
    public static final String KEYS_READ = "keys:read";

    /** The read scopes an endpoint records of its creator; write scopes grant no reading. */
    public static final List<String> READ_SCOPES = List.of(Scopes.CANDIDATES_READ, Scopes.SEARCH_READ, Scopes.JOBS_READ,
            Scopes.PIPELINE_READ, Scopes.APPLICATIONS_READ, Scopes.WEBHOOKS_READ, Scopes.INTERVIEWS_READ, Scopes.ASSESSMENTS_READ,
            Scopes.TASKS_READ, Scopes.MEETINGS_READ, Scopes.PROSPECTS_READ, Scopes.REPORTS_READ, Scopes.CAMPAIGNS_READ, Scopes.AGENTS_READ,
            KEYS_READ);

    /** Per subscribable type, the read scopes any one of which lets a caller see it. */
    private static final Map<String, List<String>> READABLE_WITH = Map.ofEntries(
            Map.entry(EventTypes.CANDIDATE_CREATED, List.of(Scopes.CANDIDATES_READ)),
            Map.entry(EventTypes.CANDIDATE_UPDATED, List.of(Scopes.CANDIDATES_READ)),
            // ids only: everyone who holds a candidate's ids is told to erase what it keeps of them
            Map.entry(EventTypes.CANDIDATE_DELETED, List.of(Scopes.CANDIDATES_READ, Scopes.SEARCH_READ, Scopes.APPLICATIONS_READ)),
            // a search:read caller sees the document in search results (ids, type, size, time), not its name or file name
            Map.entry(EventTypes.DOCUMENT_UPLOAD, List.of(Scopes.CANDIDATES_READ, Scopes.SEARCH_READ)),
            Map.entry(EventTypes.DOCUMENT_UPDATE, List.of(Scopes.CANDIDATES_READ, Scopes.SEARCH_READ)),
            // ids only, for whoever saw the upload: a mirror of the documents (or of search results) drops it
            Map.entry(EventTypes.DOCUMENT_DELETED, List.of(Scopes.CANDIDATES_READ, Scopes.SEARCH_READ)),
            Map.entry(EventTypes.JOB_CREATED, List.of(Scopes.JOBS_READ)),
            Map.entry(EventTypes.JOB_UPDATED, List.of(Scopes.JOBS_READ)),
            Map.entry(EventTypes.APPLICATION_CREATED, List.of(Scopes.APPLICATIONS_READ)),
            Map.entry(EventTypes.APPLICATION_STAGE_CHANGED, List.of(Scopes.APPLICATIONS_READ)),
            Map.entry(EventTypes.APPLICATION_REJECTED, List.of(Scopes.APPLICATIONS_READ)),
            Map.entry(EventTypes.INTERVIEW_SCHEDULED, List.of(Scopes.INTERVIEWS_READ)),
            Map.entry(EventTypes.INTERVIEW_RESCHEDULED, List.of(Scopes.INTERVIEWS_READ)),
            Map.entry(EventTypes.INTERVIEW_CANCELLED, List.of(Scopes.INTERVIEWS_READ)),
            // reports:read reads every scorecard and assessment result of an application (GET /reports/applications/{id})
            Map.entry(EventTypes.SCORECARD_SUBMITTED, List.of(Scopes.INTERVIEWS_READ, Scopes.REPORTS_READ)),
            Map.entry(EventTypes.ASSESSMENT_COMPLETED, List.of(Scopes.ASSESSMENTS_READ, Scopes.REPORTS_READ)),
            Map.entry(EventTypes.TASK_CREATED, List.of(Scopes.TASKS_READ)),
            Map.entry(EventTypes.TASK_COMPLETED, List.of(Scopes.TASKS_READ)),
            Map.entry(EventTypes.MEETING_SCHEDULED, List.of(Scopes.MEETINGS_READ)),
            Map.entry(EventTypes.MEETING_UPDATED, List.of(Scopes.MEETINGS_READ)),
            Map.entry(EventTypes.MEETING_CANCELLED, List.of(Scopes.MEETINGS_READ)),
            Map.entry(EventTypes.AGENT_CREATED, List.of(Scopes.AGENTS_READ)),
            Map.entry(EventTypes.AGENT_UPDATED, List.of(Scopes.AGENTS_READ)),
            Map.entry(EventTypes.AGENT_DELETED, List.of(Scopes.AGENTS_READ)),
            Map.entry(EventTypes.PROSPECT_CREATED, List.of(Scopes.PROSPECTS_READ)),
            Map.entry(EventTypes.PROSPECT_CONVERTED, List.of(Scopes.PROSPECTS_READ)),
            Map.entry(EventTypes.CAMPAIGN_CREATED, List.of(Scopes.CAMPAIGNS_READ)),
            Map.entry(EventTypes.CAMPAIGN_UPDATED, List.of(Scopes.CAMPAIGNS_READ)),
            Map.entry(EventTypes.KEY_CREATED, List.of(KEYS_READ)),
            Map.entry(EventTypes.KEY_REVOKED, List.of(KEYS_READ)),
            Map.entry(EventTypes.KEY_EXPIRED, List.of(KEYS_READ)),
            Map.entry(EventTypes.KEY_INACTIVE, List.of(KEYS_READ)),
            // another integration's queries: only for those who may search themselves
            Map.entry(EventTypes.SEARCH_EXECUTE, List.of(Scopes.SEARCH_READ)),
            Map.entry(EventTypes.FEEDBACK_SUBMIT, List.of(Scopes.SEARCH_READ)),
            // sent to one endpoint on its manager's request; it carries nothing
            Map.entry(EventTypes.WEBHOOK_TEST, List.of()));

    /**
     * Per type, the public payload fields that are contact details (a person's name, a file name that
     * usually carries it, free text that may name someone): delivered only with {@code candidates:read}.
     */
    private static final Map<String, List<String>> CONTACT_FIELDS = Map.of(
            EventTypes.CANDIDATE_CREATED, List.of("name"),
            // a prospect is a person too: without candidates:read a receiver gets the ids alone
            EventTypes.PROSPECT_CREATED, List.of("name"),
            EventTypes.CANDIDATE_UPDATED, List.of("name"),
            EventTypes.DOCUMENT_UPLOAD, List.of("filename", "candidateName"),
            EventTypes.SEARCH_EXECUTE, List.of("query"));

    private EventAccess() {
    }

    /** The read scopes to record for a caller with {@code scopes}; a dashboard session also reads keys. */
    public static List<String> readScopesOf(Collection<String> scopes, boolean session) {
        Set<String> out = new LinkedHashSet<>();
        for (String scope : READ_SCOPES) {
            // keys:read comes only from being a session, never from the scopes a token lists
            if (KEYS_READ.equals(scope) ? session : scopes != null && scopes.contains(scope)) {
                out.add(scope);
            }
        }
        return List.copyOf(out);
    }

    /** The read scopes any one of which lets a caller see {@code type}; empty for {@code webhook.test}. */
    /** Every type a webhook endpoint may subscribe to, alphabetically. */
    public static List<String> subscribable() {
        return READABLE_WITH.keySet().stream().sorted().toList();
    }

    public static List<String> readableWith(String type) {
        List<String> scopes = READABLE_WITH.get(type);
        if (scopes == null) {
            throw new IllegalArgumentException("no access rule for event type " + type);
        }
        return scopes;
    }

    public static boolean hasRule(String type) {
        return READABLE_WITH.containsKey(type);
    }

    /** Whether a holder of {@code scopes} may receive events of {@code type} (unknown types: never). */
    public static boolean canRead(Collection<String> scopes, String type) {
        List<String> needed = READABLE_WITH.get(type);
        if (needed == null) {
            return false;
        }
        return needed.isEmpty() || scopes != null && needed.stream().anyMatch(scopes::contains);
    }

    /** The public fields of {@code type} that only a holder of {@code candidates:read} receives. */
    public static List<String> contactFields(String type) {
        return CONTACT_FIELDS.getOrDefault(type, List.of());
    }

    /** Whether {@code scopes} receive the contact fields. */
    public static boolean showsContact(Collection<String> scopes) {
        return ContactDetails.shownTo(scopes);
    }
}
