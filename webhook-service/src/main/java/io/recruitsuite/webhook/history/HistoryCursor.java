package io.recruitsuite.webhook.history;

import io.recruitsuite.common.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the history ended: the last event's time (microseconds, as PostgreSQL keeps it) and id,
 * opaque to clients. Keyset, so a page costs the same however far back it is and new events do not shift it.
 */
public record HistoryCursor(OffsetDateTime occurredAt, UUID eventId) {

    String encode() {
        Instant at = occurredAt.toInstant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "|" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    static HistoryCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            long micros = Long.parseLong(parts[0]);
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            return new HistoryCursor(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw ApiException.validation("cursor: not a cursor this list returned");
        }
    }
}
