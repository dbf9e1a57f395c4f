package io.recruitsuite.candidate.paging;

import io.recruitsuite.common.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Position after the last row of a page in (created_at desc, id desc) order. Opaque to clients;
 * it holds no organization, so a cursor from another organization only positions a query that
 * is still filtered by the caller's organization.
 */
public record Cursor(OffsetDateTime createdAt, String id) {

    public String encode() {
        Instant at = createdAt.toInstant();
        String raw = at.getEpochSecond() + "." + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String value) {
        try {
            if (value.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            String[] time = raw.substring(0, bar).split("\\.");
            Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            String id = raw.substring(bar + 1);
            if (id.isEmpty() || id.length() > 100) {
                throw new IllegalArgumentException("bad id");
            }
            return new Cursor(at.atOffset(ZoneOffset.UTC), id);
        } catch (RuntimeException e) {
            throw ApiException.validation("cursor: not a cursor returned by this API");
        }
    }
}
