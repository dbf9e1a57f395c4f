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

    /** HNSW search breadth (pgvector hnsw.ef_search). */
    int hnswEfSearch();

    int maxQueryChars();

    int maxLimit();

    int defaultLimit();

    int maxPage();

    /** Matching passages returned per result. */
    int highlights();

    Duration queryCacheTtl();
}
