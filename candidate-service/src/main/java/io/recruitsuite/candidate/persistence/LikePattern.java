package io.recruitsuite.candidate.persistence;

/**
 * Text a client searches for, matched literally by {@code like}/{@code ilike ... escape '!'}: a search for "50%_off"
 * finds that text, not any fifty-something.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** The pattern characters of {@code text} ('%', '_' and the escape character '!' itself) escaped with '!'. */
    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A pattern for values that contain {@code text} literally. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
