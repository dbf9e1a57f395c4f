package io.recruitsuite.common.events;

/**
 * Kafka topics of the suite. Every record is keyed by organization id, so the events of one
 * organization keep their order within a topic.
 */
public final class Topics {

    /** candidate-service: candidates, documents, jobs, applications. */
    public static final String CANDIDATE_EVENTS = "recruit.candidate-events";
    /** keys-service: API keys, plans, members. */
    public static final String KEY_EVENTS = "recruit.key-events";
    /** search-service: searches and relevance feedback. */
    public static final String SEARCH_EVENTS = "recruit.search-events";

    /** Record headers that let a consumer route a record without parsing its value. */
    public static final String HEADER_EVENT_TYPE = "event-type";
    public static final String HEADER_EVENT_ID = "event-id";

    private Topics() {
    }
}
