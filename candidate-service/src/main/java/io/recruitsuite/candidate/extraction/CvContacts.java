package io.recruitsuite.candidate.extraction;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a candidate's name and email in CV text. CVs almost always open with the name on a line of
 * its own; the email is the first address anywhere. Either may be missing, and callers let the
 * uploader's form fields win.
 */
public final class CvContacts {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{L}[\\p{L}'’.-]*){1,4}$");
    private static final Pattern LABEL = Pattern.compile("^(?i)(name|full name|candidate)\\s*[:\\-]\\s*");
    private static final Set<String> HEADINGS = Set.of("curriculum vitae", "resume", "résumé", "cv", "profile", "contact",
            "personal details", "personal information", "summary", "about me");
    private static final int MAX_NAME = 80;

    private final int searchLines;

    public CvContacts(int searchLines) {
        this.searchLines = searchLines;
    }

    public record Found(String name, String email) {
    }

    public Found find(String text) {
        Matcher m = EMAIL.matcher(text);
        return new Found(name(text), m.find() ? m.group() : null);
    }

    String name(String text) {
        int seen = 0;
        for (String raw : text.split("\n")) {
            String line = raw.replaceAll("[#*_>`]", " ").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (++seen > searchLines) {
                break;
            }
            line = LABEL.matcher(line).replaceFirst("");
            // "Alice Johnson | Senior Engineer" or "Alice Johnson – Senior Engineer": the name comes first
            line = line.split("\\s[|–—-]\\s|\\|", 2)[0].strip().replaceAll("\\s+", " ");
            if (HEADINGS.contains(line.toLowerCase(Locale.ROOT)) || line.length() > MAX_NAME) {
                continue;
            }
            if (NAME.matcher(line).matches()) {
                return line;
            }
        }
        return null;
    }
}
