package io.recruitsuite.webhook.history;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One public event as the history keeps it: both payload forms (with and without contact details). */
public record HistoryEntry(UUID eventId, String type, OffsetDateTime occurredAt, String payload, String payloadWithoutContact) {

    /** The cursor of the page that ends with this entry. */
    public String cursor() {
        return new HistoryCursor(occurredAt, eventId).encode();
    }
}
