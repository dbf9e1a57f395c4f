package io.recruitsuite.search.query;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations a recruiter types ("k8s", "ML", "HR") spelled out for the keyword half: the words of
 * the expansion are added to the query, the abbreviation stays (CVs use both).
 */
public final class QueryExpansion {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}#+.]+");

    private final Map<String, String> expansions;

    public QueryExpansion(Map<String, String> expansions) {
        this.expansions = Map.copyOf(expansions.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
    }

    public String expand(String query) {
        StringBuilder added = new StringBuilder();
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            String expansion = expansions.get(trimDots(m.group()).toLowerCase(Locale.ROOT));
            if (expansion != null) {
                added.append(' ').append(expansion);
            }
        }
        return added.isEmpty() ? query : query + added;
    }

    private static String trimDots(String word) {
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) == '.') {
            end--;
        }
        return word.substring(0, end);
    }
}
