package io.recruitsuite.candidate.paging;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A tenant-scoped SQL {@code where} clause built condition by condition. Each {@code ?} in a
 * condition becomes the next numbered parameter, so optional filters can be combined without
 * counting placeholders by hand.
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder();
    private final Tuple args = Tuple.tuple();
    private int count;

    private Where() {
    }

    /** Starts with the organization filter on {@code column}: no query of this service runs without it. */
    public static Where organization(String column, String organizationId) {
        Where w = new Where();
        w.sql.append("where ").append(w.bind(column + " = ?", organizationId));
        return w;
    }

    public Where and(String condition, Object... values) {
        sql.append(" and ").append(bind(condition, values));
        return this;
    }

    /** Keyset position: rows strictly after {@code cursor} in ({@code createdAt} desc, {@code id} desc) order. */
    public Where after(String createdAtColumn, String idColumn, Cursor cursor) {
        if (cursor != null) {
            and("(" + createdAtColumn + ", " + idColumn + ") < (?, ?)", cursor.createdAt(), cursor.id());
        }
        return this;
    }

    /** A parameter placeholder for a value used outside a condition (limit, offset). */
    public String param(Object value) {
        args.addValue(value);
        return "$" + (++count);
    }

    public String sql() {
        return sql.toString();
    }

    public Tuple args() {
        return args;
    }

    private String bind(String condition, Object... values) {
        StringBuilder out = new StringBuilder();
        int v = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '?') {
                out.append(param(values[v++]));
            } else {
                out.append(c);
            }
        }
        if (v != values.length) {
            throw new IllegalArgumentException("placeholders and values differ in: " + condition);
        }
        return out.toString();
    }
}
