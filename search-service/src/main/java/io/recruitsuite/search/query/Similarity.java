package io.recruitsuite.search.query;

/**
 * The {@code similarity} a person reads: the cosine similarity between the query and the CV's
 * best-matching passage, clamped to 0–1 and rounded to three decimals.
 */
public final class Similarity {

    private Similarity() {
    }

    public static double readable(double cosine) {
        double clamped = Math.max(0, Math.min(1, cosine));
        return Math.round(clamped * 1000) / 1000.0;
    }
}
