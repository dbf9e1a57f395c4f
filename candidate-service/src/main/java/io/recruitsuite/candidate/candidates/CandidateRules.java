package io.recruitsuite.candidate.candidates;

import io.recruitsuite.common.error.ApiException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Field rules for candidates, shared by create and update. */
public final class CandidateRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_NAME_PART = 100;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 40;
    public static final int MAX_TAG = 50;
    public static final int MAX_TAGS = 50;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private CandidateRules() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.validation("name: String must contain at least 1 character(s)");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.validation("name: at most " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    /** An optional part of a name (firstName, lastName). */
    public static String namePart(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NAME_PART) {
            throw ApiException.validation(field + ": at most " + MAX_NAME_PART + " characters");
        }
        return value.strip();
    }

    /**
     * The display name: {@code name} when given, else the parts joined ("Ada" + "Lovelace" is "Ada Lovelace"), so a client
     * that sends only the parts, as several ATS APIs do, still gets a candidate every seed 000 client can read.
     */
    public static String displayName(String name, String firstName, String lastName) {
        if (name != null && !name.isBlank() || firstName == null && lastName == null) {
            return name(name);
        }
        return name(joined(firstName, lastName));
    }

    /** The parts joined with a space, or null without parts. */
    public static String joined(String firstName, String lastName) {
        if (firstName == null && lastName == null) {
            return null;
        }
        return firstName == null ? lastName : lastName == null ? firstName : firstName + " " + lastName;
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip();
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
            throw ApiException.validation("email: not a valid email address");
        }
        return e;
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (phone.length() > MAX_PHONE) {
            throw ApiException.validation("phone: at most " + MAX_PHONE + " characters");
        }
        return phone.strip();
    }

    public static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.validation("tags: at most " + MAX_TAGS + " tags");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            if (t == null || t.isBlank() || t.length() > MAX_TAG) {
                throw ApiException.validation("tags: each tag must be 1 to " + MAX_TAG + " characters");
            }
            out.add(t.strip());
        }
        return List.copyOf(out);
    }
}
