package io.recruitsuite.webhook.history;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.webhook.ingest.PublicEvents;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request for the event history, checked: the types asked for (all the caller may read when none),
 * each one public and readable with the caller's scopes; a time range within the retention; a page size.
 */
public record HistoryQuery(List<String> types, OffsetDateTime from, OffsetDateTime to, HistoryCursor after, int limit, boolean contact) {

    public static HistoryQuery of(List<String> requestedTypes, String from, String to, String cursor, String limit, Collection<String> readScopes,
                                  Duration retention, int defaultLimit, int maxLimit, OffsetDateTime now) {
        List<String> readable = new ArrayList<>();
        for (String type : PublicEvents.types()) {
            if (!EventTypes.WEBHOOK_TEST.equals(type) && EventAccess.canRead(readScopes, type)) {
                readable.add(type);
            }
        }
        List<String> types;
        Set<String> asked = split(requestedTypes);
        if (asked.isEmpty()) {
            types = readable;
        } else {
            types = new ArrayList<>();
            for (String type : asked) {
                if (!PublicEvents.isPublic(type) || EventTypes.WEBHOOK_TEST.equals(type)) {
                    throw ApiException.validation("type: '" + type + "' is not an event type of the catalogue (docs/events.md)");
                }
                if (!readable.contains(type)) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "Events of type " + type + " need one of the scopes "
                            + String.join(", ", EventAccess.readableWith(type)));
                }
                types.add(type);
            }
        }
        OffsetDateTime earliest = now.minus(retention);
        OffsetDateTime start = from == null || from.isEmpty() ? earliest : time("from", from);
        OffsetDateTime end = to == null || to.isEmpty() ? now.plusSeconds(1) : time("to", to);
        if (!start.isBefore(end)) {
            throw ApiException.validation("from: must be before to");
        }
        int size = pageSize(limit, defaultLimit, maxLimit);
        HistoryCursor after = cursor == null || cursor.isEmpty() ? null : HistoryCursor.decode(cursor);
        return new HistoryQuery(types, start.isBefore(earliest) ? earliest : start, end, after, size, EventAccess.showsContact(readScopes));
    }

    /** {@code ?type=a&type=b} and {@code ?type=a,b} both work */
    private static Set<String> split(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static OffsetDateTime time(String name, String value) {
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name + ": an ISO-8601 time with its offset, e.g. 2026-11-30T12:00:00Z");
        }
    }

    private static int pageSize(String limit, int defaultLimit, int maxLimit) {
        if (limit == null || limit.isEmpty()) {
            return defaultLimit;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= maxLimit) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw ApiException.validation("limit: a whole number between 1 and " + maxLimit);
    }
}
