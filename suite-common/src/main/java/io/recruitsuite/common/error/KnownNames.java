package io.recruitsuite.common.error;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?" for a misspelt parameter or field: the known name closest to what was sent, when
 * one is close enough to be a likely typo (case, underscores and a few letters apart).
 */
public final class KnownNames {

    private KnownNames() {
    }

    /** The closest of {@code known} to {@code given}, or null when none is plausibly what was meant. */
    public static String closest(String given, Collection<String> known) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        String wanted = normalise(given);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(wanted, normalise(candidate));
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // a third of the name may differ ("limt", "candidate_id", "createdafter"), never more
        int allowed = Math.max(1, Math.min(wanted.length(), best == null ? 0 : normalise(best).length()) / 3);
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** case and separators are the commonest slips between API styles (job_id, JobId, jobId) */
    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Edit distance where swapping two neighbouring letters ("tgas") counts as one slip (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
