package io.recruitsuite.search.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: a document scores the sum of 1 / (k + rank) over the rankings it appears
 * in. It needs no score calibration between cosine similarity and full-text rank, and a document
 * found by both retrievers rises above one found by either alone.
 */
public final class RankFusion {

    private RankFusion() {
    }

    public static List<String> fuse(int k, List<List<String>> rankings) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        int order = 0;
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                String id = ranking.get(rank);
                scores.merge(id, 1.0 / (k + rank + 1), Double::sum);
                if (!firstSeen.containsKey(id)) {
                    firstSeen.put(id, order++);
                }
            }
        }
        List<String> ids = new ArrayList<>(scores.keySet());
        // ties keep the order of first appearance, so the vector ranking breaks them
        ids.sort((a, b) -> {
            int byScore = Double.compare(scores.get(b), scores.get(a));
            return byScore != 0 ? byScore : Integer.compare(firstSeen.get(a), firstSeen.get(b));
        });
        return ids;
    }
}
