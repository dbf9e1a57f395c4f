package io.recruitsuite.candidate.workflow;

import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Field checks shared by the hiring-workflow resources; each failure names its field (400 validation_error). */
public final class FieldRules {

    private FieldRules() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field + ": required");
        }
        return optional(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.validation(field + ": at most " + max + " characters");
        }
        // PostgreSQL refuses a NUL in text: refused here rather than as a database error
        if (value.indexOf('\0') >= 0) {
            throw ApiException.validation(field + ": must not contain a NUL character");
        }
        return value.strip();
    }

    public static String oneOf(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw ApiException.validation(field + ": must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** An optional id of the given type ({@code cand}, {@code app}…); a malformed one is a 400, not an empty result. */
    public static String id(String field, String type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!Ids.looksLike(type, value)) {
            throw ApiException.validation(field + ": must be an id of the form " + type + "_…");
        }
        return value;
    }

    public static String requiredId(String field, String type, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.validation(field + ": required");
        }
        return id(field, type, value);
    }

    /** An http(s) URL with a host. */
    public static String url(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw ApiException.validation(field + ": must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw ApiException.validation(field + ": must be an http or https URL");
        }
        return v;
    }

    /**
     * The people of an interview or a meeting (user ids or emails): distinct, each 1 to {@code maxLength} characters,
     * compared without case (an email is the same person in any case), kept in the case first given.
     */
    public static List<String> people(String field, List<String> values, boolean required, int maxCount, int maxLength) {
        if (values == null || values.isEmpty()) {
            if (required) {
                throw ApiException.validation(field + ": at least one is required");
            }
            return List.of();
        }
        if (values.size() > maxCount) {
            throw ApiException.validation(field + ": at most " + maxCount);
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> out = new java.util.ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank() || v.length() > maxLength || v.indexOf('\0') >= 0) {
                throw ApiException.validation(field + ": each must be 1 to " + maxLength + " characters");
            }
            String p = v.strip();
            if (seen.add(p.toLowerCase(Locale.ROOT))) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
