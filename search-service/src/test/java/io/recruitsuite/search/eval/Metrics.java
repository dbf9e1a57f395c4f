package io.recruitsuite.search.eval;

import java.util.List;
import java.util.Map;

/**
 * Ranking metrics at a cut-off. nDCG uses the graded relevance (gain 2^grade − 1); MRR and recall
 * count a result as relevant when its grade is at least {@link #RELEVANT}. Recall@k divides by
 * min(k, relevant CVs), so a query with 30 relevant CVs can still reach 1.0 in ten results.
 */
public final class Metrics {

    public static final int RELEVANT = 2;

    private Metrics() {
    }

    public static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += gain(grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(k).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (grades.getOrDefault(ranking.get(i), 0) >= RELEVANT) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    public static double recall(List<String> ranking, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g >= RELEVANT).count();
        long found = ranking.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= RELEVANT).count();
        return relevant == 0 ? 0 : (double) found / Math.min(k, relevant);
    }

    /** Results of grade ≥ {@link #RELEVANT} among the first k, divided by k. */
    public static double precision(List<String> ranking, Map<String, Integer> grades, int k) {
        return (double) ranking.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= RELEVANT).count() / k;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
