package io.recruitsuite.candidate.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"data": …}} or, for collections, {@code {"data": […], "meta": {…}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(T data, Meta meta) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, null);
    }

    public static <T> Envelope<T> of(T data, Meta meta) {
        return new Envelope<>(data, meta);
    }

    /** A collection in the mode the request asked for: a total with pages, no total with cursors. */
    public static <T> Envelope<java.util.List<T>> list(io.recruitsuite.candidate.paging.PageRequest request,
                                                       io.recruitsuite.candidate.paging.Listing<T> listing) {
        return new Envelope<>(listing.items(), request.cursorMode()
                ? new Meta(null, request.limit(), null, listing.nextCursor(), listing.hasMore())
                : new Meta(request.page(), request.limit(), listing.total(), listing.nextCursor(), listing.hasMore()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(Integer page, int limit, Long total, String nextCursor, Boolean hasMore) {
    }
}
