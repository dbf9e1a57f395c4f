package io.recruitsuite.search;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** Words per chunk of CV text, and how many words consecutive chunks share. */
    int chunkWords();

    int chunkOverlapWords();

    /** CV text beyond this many characters is not indexed. */
    int maxTextChars();

    /** Candidates taken from each retriever (nearest chunks for the vector half, documents for the keyword half) before fusion. */
    int candidatePool();

    /** Okapi BM25 of the keyword half. */
    Bm25 bm25();

    /** How the two halves' scores become one {@code similarity}. */
    Fusion fusion();

    /**
     * Query words a recruiter abbreviates, and what the keyword half also looks for (key: the
     * abbreviation in lower case). The vector half reads the query as typed: the model knows them.
     */
    java.util.Map<String, String> queryExpansions();


    int maxQueryChars();

    int maxLimit();

    int defaultLimit();

    int maxPage();

    /** Matching passages returned per result. */
    int highlights();

    Duration queryCacheTtl();

    /** How often the index-size gauges are recounted. */
    Duration metricsRefresh();

    /**
     * Threads that embed CV passages (indexing and reindex), one passage per run, from one queue in the order passages
     * were queued; search queries embed on the shared worker pool, so an indexing backlog never delays a search.
     */
    int embeddingThreads();

    /**
     * Most consecutive events of a poll the consumer applies in one transaction (one commit for all of them). A group
     * that cannot apply as a whole is applied one event at a time.
     */
    int eventsPerTransaction();

    /**
     * The consumer reads the next poll while fewer than this many events read are not yet applied: enough for the model to
     * always have the next CVs queued, few enough to bound memory (at most this plus one poll, max.poll.records).
     */
    int eventsAhead();

    /** Threads the model runtime uses within one passage's run (passages already run side by side on the embedding threads). */
    int embeddingIntraOpThreads();

    /**
     * Threads the model runtime uses within one search query's run (a query is one text, so it is spread over
     * the cores). Their spinning between operators stays off: a spinning runtime thread kept a core from the
     * database statements that follow the query vector on the same machine.
     */
    int queryIntraOpThreads();

    /** How long a search waits for the query-vector cache before embedding the query itself. */
    Duration queryCacheTimeout();

    /** Back-off between tries of an event that failed to apply for a transient reason (database down). */
    Retry indexingRetry();

    interface Retry {
        Duration initial();

        Duration max();
    }

    Reindex reindex();

    /** The keyword half's text handling and its bounds, so its cost does not grow with the organization's size. */
    Text text();

    interface Text {
        /**
         * PostgreSQL text search configuration that makes the keyword half's terms: {@code simple}
         * (lower-cased words, no stemming, no stop words) measured better than {@code english} on both
         * evaluation sets (stemming merges "operations" with "operating", "electrical" with "electronics").
         */
        String configuration();

        /** Documents read at most per query term, best BM25 term weight first. */
        int termCap();

        /** Query terms looked up at most. */
        int maxTerms();

        /**
         * Regular expressions for the boilerplate of CV exports ("Skill Details", "Experience - Less
         * than 1 year months"): removed from the text the keyword half indexes, so words every CV
         * repeats neither count as matches nor lengthen documents.
         */
        java.util.List<String> boilerplate();
    }

    interface Bm25 {
        /** Term-frequency saturation. */
        double k1();

        /** Length normalisation (0: none, 1: full). */
        double b();
    }

    interface Fusion {
        /**
         * Weight of the semantic score in a hybrid search's similarity; the keyword score has the rest.
         * Both scores are on 0–1 scales that do not depend on the other results, so the sum is comparable
         * between queries.
         */
        double semanticWeight();

        /** Cosine similarity (bge-small) at or below which the semantic score is 0: unrelated text scores about this. */
        double cosineFloor();

        /** Cosine similarity at or above which the semantic score is 1: a passage saying what the query says. */
        double cosineCeiling();
    }

    interface Reindex {

        /** Documents one page of the candidate-service's listing carries at most. */
        int pageSize();

        /** A rebuild that cannot read the whole listing within this time fails. */
        Duration timeout();
    }

    /** Where the CV text comes from: the candidate-service's document reader (never the topic). */
    CandidateService candidateService();

    interface CandidateService {

        /** Base URL of the candidate-service (its internal port), e.g. http://candidate-service:8082. */
        String url();

        /** Connecting to it gives up after this long; the fault-tolerance guards bound the whole call. */
        Duration connectTimeout();
    }

    /** Settings every session on the search database starts with; the migration R__session_settings.sql stores them there. */
    Session session();

    interface Session {
        /** pgvector's HNSW search breadth. */
        int hnswEfSearch();

        /** pgvector's iterative scan, so a filtered scan reads on until enough rows pass the organization filter. */
        String hnswIterativeScan();

        /** Planning with each statement's values (force_custom_plan). */
        String planCacheMode();
    }
}
