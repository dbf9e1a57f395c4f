package io.recruitsuite.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The success envelope of every service: {@code {"data": …}} or, for collections, {@code {"data": […], "meta": {…}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(T data, PageMeta meta) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, null);
    }

    public static <T> Envelope<List<T>> of(List<T> data, PageMeta meta) {
        return new Envelope<>(data, meta);
    }
}
