package io.recruitsuite.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Convex combination of normalised scores: {@code similarity = w · semantic + (1 − w) · keyword}.
 * Both scores are on fixed 0–1 scales that do not depend on the other results of the query (unlike
 * min-max normalisation or reciprocal ranks), so a result's similarity means the same whatever else
 * the organization holds, and a client can set a threshold on it. The result order is the
 * similarity's, so similarity never increases down the list.
 * <ul>
 * <li>semantic: the best passage's cosine similarity mapped linearly from [floor, ceiling] to [0, 1]
 * (bge-small rates unrelated English text about 0.5, never 0);</li>
 * <li>keyword: BM25 divided by the query's ceiling Σ idf × (k1 + 1), a bound no document reaches: a
 * CV holding every query term once at average length scores 1 / (k1 + 1), about 0.45, and more
 * occurrences approach 1 without ever tying the best CVs at a cap.</li>
 * </ul>
 */
public final class ScoreFusion {

    private final double semanticWeight;
    private final double cosineFloor;
    private final double cosineCeiling;

    public ScoreFusion(double semanticWeight, double cosineFloor, double cosineCeiling) {
        if (semanticWeight < 0 || semanticWeight > 1 || cosineCeiling <= cosineFloor) {
            throw new IllegalArgumentException("the semantic weight must be in 0..1 and the cosine ceiling above the floor");
        }
        this.semanticWeight = semanticWeight;
        this.cosineFloor = cosineFloor;
        this.cosineCeiling = cosineCeiling;
    }

    public double semanticScore(double cosine) {
        return clamp((cosine - cosineFloor) / (cosineCeiling - cosineFloor));
    }

    public static double keywordScore(double bm25, double ceiling) {
        return ceiling <= 0 ? 0 : clamp(bm25 / ceiling);
    }

    /** A ranked document with its fused score and what it came from. */
    public record Ranked(String id, double similarity, Explain explain) {
    }

    /**
     * Fuses the halves. {@code semantic} and {@code keyword} map each document to its raw score (cosine,
     * BM25) over the union of both halves' candidates; {@code semanticRanking} and {@code keywordRanking}
     * are the documents each half retrieved itself, best first (for the explanation's ranks);
     * {@code keywordCeiling} is the query's BM25 bound.
     */
    public List<Ranked> fuse(SearchService.Mode mode, Map<String, Double> semantic, List<String> semanticRanking,
                             Map<String, Double> keyword, List<String> keywordRanking, double keywordCeiling) {
        Set<String> ids = new LinkedHashSet<>(semanticRanking);
        ids.addAll(keywordRanking);
        Map<String, Integer> semanticRank = ranks(semanticRanking);
        Map<String, Integer> keywordRank = ranks(keywordRanking);
        double weight = switch (mode) {
            case HYBRID -> semanticWeight;
            case SEMANTIC -> 1;
            case KEYWORD -> 0;
        };
        List<Ranked> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            double cosine = semantic.getOrDefault(id, 0.0);
            double bm25 = keyword.getOrDefault(id, 0.0);
            double s = semanticScore(cosine);
            double k = keywordScore(bm25, keywordCeiling);
            Explain explain = new Explain(mode == SearchService.Mode.KEYWORD ? null : new Explain.Half(semanticRank.get(id), cosine, s),
                    mode == SearchService.Mode.SEMANTIC ? null : new Explain.Half(keywordRank.get(id), bm25, k), weight);
            out.add(new Ranked(id, weight * s + (1 - weight) * k, explain));
        }
        // ties: the semantic score, then the id, so the order is stable between calls
        out.sort(Comparator.comparingDouble(Ranked::similarity).reversed()
                .thenComparing(r -> -semantic.getOrDefault(r.id(), 0.0))
                .thenComparing(Ranked::id));
        return out;
    }

    private static Map<String, Integer> ranks(List<String> ranking) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            out.put(ranking.get(i), i + 1);
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
