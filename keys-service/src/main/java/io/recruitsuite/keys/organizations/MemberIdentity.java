package io.recruitsuite.keys.organizations;

import io.recruitsuite.common.error.ApiException;

import java.util.Locale;
import java.util.regex.Pattern;

/** How a member is recognised at sign-in: a lower-cased email address, or the OpenID provider's subject. */
public final class MemberIdentity {

    public static final int MAX_EMAIL = 254;
    public static final int MAX_SUBJECT = 255;
    /** A person in more organizations than this gets the oldest memberships; the console uses the first. */
    public static final int MAX_MEMBERSHIPS = 20;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private MemberIdentity() {
    }

    /** The address lower-cased, {@code null} when absent; a 400 naming the field when it is not an address. */
    public static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw ApiException.validation("email: must be an email address of at most " + MAX_EMAIL + " characters");
        }
        return email;
    }

    public static String subject(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_SUBJECT || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("subject: must be at most " + MAX_SUBJECT + " characters without control characters");
        }
        return value;
    }
}
