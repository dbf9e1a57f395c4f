package io.recruitsuite.webhook.api;

import io.recruitsuite.common.error.ApiException;

/** {@code page}/{@code limit} query parameters, read as text so that a non-number is a 400 rather than JAX-RS's 404. */
record Page(int page, int limit) {

    int offset() {
        return (page - 1) * limit;
    }

    static Page parse(String page, String limit, int defaultLimit, int maxLimit) {
        int p = number("page", page, 1);
        int l = number("limit", limit, defaultLimit);
        if (p < 1 || l < 1 || l > maxLimit) {
            throw ApiException.validation("page must be at least 1 and limit between 1 and " + maxLimit);
        }
        if ((long) (p - 1) * l > Integer.MAX_VALUE) {
            throw ApiException.validation("page is beyond the last possible page");
        }
        return new Page(p, l);
    }

    private static int number(String name, String raw, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + " must be a whole number");
        }
    }
}
