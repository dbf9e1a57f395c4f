package io.recruitsuite.search.query;

/**
 * How a result's {@code similarity} came about, returned with {@code explain: true}: each half's rank
 * among the results (1 = best; null when that half did not retrieve the CV itself and its score was
 * computed afterwards) and raw and normalised scores, and the weight of the semantic half.
 */
public record Explain(Half semantic, Half keyword, double semanticWeight) {

    /**
     * One half: {@code raw} is the best passage's cosine similarity (semantic) or the BM25 score
     * (keyword); {@code score} is its 0–1 form that enters {@code similarity}.
     */
    public record Half(Integer rank, double raw, double score) {
    }
}
