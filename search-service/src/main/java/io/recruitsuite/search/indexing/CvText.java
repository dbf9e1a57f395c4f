package io.recruitsuite.search.indexing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CV text as it arrives from exports and copy-paste, made readable for both halves of the index:
 * line ends unified, and section headings that an export glued to the previous word ("monthsCompany
 * Details") set apart. The keyword half also drops the export's boilerplate (configured patterns), so
 * that words every CV repeats neither match queries nor make a CV look long.
 */
public final class CvText {

    /** A capitalised "... Details" heading glued to the word before it ("SPSSEducation Details"). */
    private static final Pattern GLUED_HEADING = Pattern.compile("(?<=\\S)(?=\\p{Lu}\\p{Ll}+ Details\\b)");
    private static final Pattern LINE_END = Pattern.compile("\\r\\n?");
    /** Anything that is not a letter or digit. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<Pattern> boilerplate;

    public CvText(List<String> boilerplatePatterns) {
        this.boilerplate = boilerplatePatterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)).toList();
    }

    /** The text both halves index and highlights quote. */
    public String normalise(String text) {
        return GLUED_HEADING.matcher(LINE_END.matcher(text).replaceAll("\n")).replaceAll("\n");
    }

    /** The normalised text without boilerplate, as {@link #words}: what the keyword half counts. */
    public String forKeywords(String normalised) {
        String out = normalised;
        for (Pattern p : boilerplate) {
            out = p.matcher(out).replaceAll(" ");
        }
        return words(out);
    }

    /**
     * Text as plain words separated by spaces, for the keyword half's index and its queries alike:
     * PostgreSQL's parser would keep "React.js", "SAP/ABAP" or "Informatica-ETL" as one token (a host
     * name, a path) that no query for "react", "abap" or "informatica" finds.
     */
    public static String words(String text) {
        return SEPARATORS.matcher(text).replaceAll(" ").strip();
    }
}
