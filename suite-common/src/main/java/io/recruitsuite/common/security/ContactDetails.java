package io.recruitsuite.common.security;

import java.util.Collection;

/**
 * A candidate's personal details (name, email, phone, CV file name and text, excerpts of it, and free
 * text that may name a person, such as search queries) are candidate data: a caller sees them only with
 * {@code candidates:read}, wherever they appear (applications, search results, webhook payloads).
 * Without it a candidate is its ids alone. docs/security.md states the rule.
 */
public final class ContactDetails {

    /** The scope that reveals contact details and CV text. */
    public static final String SCOPE = Scopes.CANDIDATES_READ;

    private ContactDetails() {
    }

    public static boolean shownTo(Collection<String> scopes) {
        return scopes != null && scopes.contains(SCOPE);
    }
}
