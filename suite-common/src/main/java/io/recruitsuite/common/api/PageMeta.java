package io.recruitsuite.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code meta} of a collection: page, limit and total for page/limit lists; limit, next cursor and
 * whether more follow for cursor lists (no total: counting is what cursors spare).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageMeta(Integer page, int limit, Long total, String nextCursor, Boolean hasMore) {

    public static PageMeta pages(int page, int limit, long total) {
        return new PageMeta(page, limit, total, null, null);
    }

    public static PageMeta cursor(int limit, String nextCursor, boolean hasMore) {
        return new PageMeta(null, limit, null, nextCursor, hasMore);
    }
}
