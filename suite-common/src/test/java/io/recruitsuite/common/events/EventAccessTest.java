package io.recruitsuite.common.events;

import com.fasterxml.jackson.annotation.JsonView;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access rule covers the whole catalogue: a new subscribable type cannot ship without deciding who may read it. */
class EventAccessTest {

    @Test
    void everySubscribableTypeHasARuleAndNoOtherTypeHasOne() {
        for (EventType<?> type : Events.all()) {
            assertEquals(type.subscribable(), EventAccess.hasRule(type.name()), type.name());
        }
    }

    @Test
    void everyContactFieldIsAPublicComponentOfItsPayload() {
        for (EventType<?> type : Events.all()) {
            for (String field : EventAccess.contactFields(type.name())) {
                RecordComponent component = Arrays.stream(type.payload().getRecordComponents())
                        .filter(c -> c.getName().equals(field)).findFirst()
                        .orElseThrow(() -> new AssertionError(type.name() + " has no field " + field));
                JsonView view = component.getAccessor().getAnnotation(JsonView.class);
                assertTrue(view != null && Arrays.asList(view.value()).contains(EventPayload.Public.class),
                        type.name() + "." + field + " is not public, so it never leaves anyway");
            }
        }
    }

    @Test
    void readScopesAreTheCallersReadsAndASessionAlsoReadsKeys() {
        assertEquals(List.of("search:read"), EventAccess.readScopesOf(Set.of("search:read", "candidates:write", "webhooks:write"), false));
        assertEquals(List.of("candidates:read", "webhooks:read", "keys:read"),
                EventAccess.readScopesOf(Set.of("webhooks:read", "candidates:read", "webhooks:write"), true));
        assertEquals(List.of(), EventAccess.readScopesOf(Set.of("keys:read"), false), "no API key can bring keys:read");
    }

    @Test
    void typesNeedTheirReadScopesAndContactNeedsCandidatesRead() {
        Set<String> webhooksOnly = Set.of("webhooks:read");
        for (String type : List.of("candidate.created", "document.upload", "search.execute", "key.created", "job.created",
                "application.created", "feedback.submit")) {
            assertFalse(EventAccess.canRead(webhooksOnly, type), type);
        }
        assertTrue(EventAccess.canRead(webhooksOnly, "webhook.test"));
        assertTrue(EventAccess.canRead(Set.of("search:read"), "document.upload"));
        assertTrue(EventAccess.canRead(Set.of("search:read"), "search.execute"));
        assertFalse(EventAccess.canRead(Set.of("candidates:read"), "search.execute"));
        assertFalse(EventAccess.canRead(Set.of("search:read"), "candidate.created"));
        assertFalse(EventAccess.canRead(Set.of("candidates:read"), "application.rejected"), "an application event needs applications:read");
        assertTrue(EventAccess.canRead(Set.of("applications:read"), "application.rejected"));
        assertTrue(EventAccess.showsContact(Set.of("candidates:read")));
        assertFalse(EventAccess.showsContact(Set.of("search:read")));
    }
}
