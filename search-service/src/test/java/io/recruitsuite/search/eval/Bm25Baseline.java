package io.recruitsuite.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline the served search must beat: a plain Okapi BM25 (k1 1.2, b 0.75) over each CV's whole
 * text as it was uploaded, computed here in the evaluation: lower-cased words split at anything that
 * is not a letter or digit, no stemming, no stop words, Lucene's idf ln(1 + (N − n + 0.5) / (n + 0.5)).
 */
final class Bm25Baseline {

    static final double K1 = 1.2;
    static final double B = 0.75;

    private final List<String> ids = new ArrayList<>();
    private final List<Map<String, Integer>> frequencies = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private double averageLength;

    Bm25Baseline(List<EvalSet.Cv> cvs) {
        long total = 0;
        for (EvalSet.Cv cv : cvs) {
            Map<String, Integer> tf = new HashMap<>();
            List<String> words = words(cv.text());
            words.forEach(w -> tf.merge(w, 1, Integer::sum));
            tf.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
            ids.add(cv.id());
            frequencies.add(tf);
            lengths.add(words.size());
            total += words.size();
        }
        averageLength = (double) total / Math.max(1, cvs.size());
    }

    /** CV ids by BM25, best first; only CVs with at least one query word. */
    List<String> rank(String query, int k) {
        int n = ids.size();
        List<double[]> scored = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            double score = 0;
            for (String term : new LinkedHashSet<>(words(query))) {
                Integer f = frequencies.get(d).get(term);
                if (f == null) {
                    continue;
                }
                int df = documentFrequency.get(term);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths.get(d) / averageLength));
            }
            if (score > 0) {
                scored.add(new double[] {d, score});
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]).thenComparingDouble(s -> s[0]));
        return scored.stream().limit(k).map(s -> ids.get((int) s[0])).toList();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
