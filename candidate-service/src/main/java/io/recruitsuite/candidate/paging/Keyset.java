package io.recruitsuite.candidate.paging;

import io.quarkus.panache.common.Parameters;

/** The keyset condition of cursor paging in HQL: rows strictly after a {@link Cursor} in (createdAt desc, id desc) order. */
public final class Keyset {

    public static final String ORDER = "createdAt desc, id desc";

    private Keyset() {
    }

    /** The condition on {@code alias} (or on the implicit root when {@code alias} is null), or null without a cursor. */
    public static String after(String alias, Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        String p = alias == null ? "" : alias + ".";
        return "(" + p + "createdAt, " + p + "id) < (:cursorCreatedAt, :cursorId)";
    }

    /** Adds the cursor's values to {@code parameters} (a new set when null); unchanged without a cursor. */
    public static Parameters bind(Parameters parameters, Cursor cursor) {
        if (cursor == null) {
            return parameters;
        }
        Parameters p = parameters == null ? new Parameters() : parameters;
        return p.and("cursorCreatedAt", cursor.createdAt()).and("cursorId", cursor.id());
    }

    /** {@code a and b}, either of which may be null. */
    public static String and(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        if (b == null || b.isBlank()) {
            return a;
        }
        return a + " and " + b;
    }
}
