package io.recruitsuite.webhook.endpoints;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/**
 * An endpoint receives deliveries while {@code ACTIVE}; {@code PAUSED} after a streak of failures (its
 * deliveries wait for an enable); {@code DISABLED} after a 410 Gone or when its creator was removed from the
 * organization ({@code Endpoint.statusReason} says which). Stored as the lower-case wire name.
 */
public enum EndpointStatus {
    ACTIVE, PAUSED, DISABLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EndpointStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The column holds the wire name (a check constraint lists them). */
    @Converter
    public static class Column implements AttributeConverter<EndpointStatus, String> {
        @Override
        public String convertToDatabaseColumn(EndpointStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public EndpointStatus convertToEntityAttribute(String wire) {
            return wire == null ? null : fromWire(wire);
        }
    }
}
