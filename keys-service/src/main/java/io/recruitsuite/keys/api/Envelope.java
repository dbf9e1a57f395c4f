package io.recruitsuite.keys.api;

/** {@code {"data": …}} */
public record Envelope<T>(T data) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data);
    }
}
