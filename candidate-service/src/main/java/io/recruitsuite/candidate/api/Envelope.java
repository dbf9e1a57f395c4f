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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(Integer page, int limit, Long total, String nextCursor, Boolean hasMore) {
    }
}
