package io.recruitsuite.candidate.paging;

import io.recruitsuite.common.error.ApiException;

/**
 * A list request: either page/limit (offset paging with a total) or cursor/limit (keyset paging that
 * stays stable while rows are inserted). Parameters arrive as raw strings so that any bad value
 * becomes a clear validation error instead of a framework 404.
 */
public record PageRequest(int page, int limit, Cursor cursor, boolean cursorMode) {

    public static PageRequest parse(String page, String limit, String cursor, PagingConfig config) {
        int parsedLimit = parseInt("limit", limit, config.defaultLimit());
        if (parsedLimit < 1 || parsedLimit > config.maxLimit()) {
            throw ApiException.validation("limit: must be between 1 and " + config.maxLimit());
        }
        if (cursor != null) {
            if (page != null) {
                throw ApiException.validation("use either page or cursor, not both");
            }
            return new PageRequest(1, parsedLimit, cursor.isEmpty() ? null : Cursor.decode(cursor), true);
        }
        int parsedPage = parseInt("page", page, 1);
        if (parsedPage < 1 || parsedPage > 100_000) {
            throw ApiException.validation("page: must be between 1 and 100000");
        }
        return new PageRequest(parsedPage, parsedLimit, null, false);
    }

    public int offset() {
        return (page - 1) * limit;
    }

    private static int parseInt(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
            throw ApiException.validation(name + ": must be a whole number");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + ": must be a whole number");
        }
    }
}
