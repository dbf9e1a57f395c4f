package io.recruitsuite.webhook.api;

import io.recruitsuite.common.api.PageMeta;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The published shape of {@code GET /api/v1/events}' answer. The answer itself relays each event's stored JSON
 * unchanged (exactly what its webhook delivery carried), so this type only names the fields for the contract.
 */
@Schema(name = "EventHistoryPage", description = "A page of the organization's event history, oldest first")
public record EventHistoryPage(
        @Schema(required = true) List<Event> data,
        @Schema(required = true) PageMeta meta) {

    @Schema(name = "PublicEvent", description = "An event as a webhook delivers it (docs/events.md; per type in docs/asyncapi.yaml)")
    public record Event(
            @Schema(required = true, description = "Unique per event: receivers deduplicate by it") String id,
            @Schema(required = true, examples = "candidate.created") String type,
            @Schema(required = true, format = "date-time", description = "When it happened, UTC with milliseconds") String timestamp,
            @Schema(required = true) String organizationId,
            @Schema(required = true, description = "Version of data's fields for this type; raised when one is removed or changes meaning")
            int schemaVersion,
            @Schema(required = true, type = SchemaType.OBJECT, description = "The event's public fields; contact details only for keys that hold candidates:read")
            Map<String, Object> data) {
    }
}
