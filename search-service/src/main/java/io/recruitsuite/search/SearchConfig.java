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

    /** Candidates taken from each retriever (vector, full text) before fusion. */
    int candidatePool();

    /** The k of reciprocal rank fusion: 1 / (k + rank). */
    int rrfK();


    int maxQueryChars();

    int maxLimit();

    int defaultLimit();

    int maxPage();

    /** Matching passages returned per result. */
    int highlights();

    Duration queryCacheTtl();

    /** How often the index-size gauges are recounted. */
    Duration metricsRefresh();

    /** Threads that embed CV passages (indexing and reindex); search queries embed on the shared worker pool. */
    int indexingThreads();

    /** Threads the embedding model may use to embed the passages of one batch in parallel. */
    int embeddingThreads();

    /** Most passages of consecutive CVs embedded in one call to the model while indexing. */
    int embeddingBatch();

    /** How long a search waits for the query-vector cache before embedding the query itself. */
    Duration queryCacheTimeout();

    /** Back-off between tries of an event that failed to apply for a transient reason (database down). */
    Retry indexingRetry();

    interface Retry {
        Duration initial();

        Duration max();
    }

    Reindex reindex();

    /** Bounds on the full-text retriever, so its cost does not grow with the organization's size. */
    Text text();

    interface Text {
        /** Chunks with every query word that are ranked at most. */
        int allWordsCap();

        /** Chunks ranked at most per selective query word (chunks with only some of the words). */
        int termCap();

        /** Query words looked up one by one at most. */
        int maxTerms();

        /**
         * A word in at least this fraction of all chunks (PostgreSQL's statistics of the column) is too
         * common to find candidates by itself; it still counts in the ranking.
         */
        double commonTermFrequency();
    }

    interface Reindex {
        /** File holding the operator credential ({@code X-Operator-Token}) for the {@code /admin} API. */
        java.nio.file.Path operatorTokenFile();

        /** How long one poll of the replay consumer waits for records. */
        Duration pollTimeout();

        /** Records one poll of the replay consumer returns at most. */
        int maxPollRecords();

        /** A replay that cannot reach the end of the topic within this time fails. */
        Duration timeout();
    }
}
