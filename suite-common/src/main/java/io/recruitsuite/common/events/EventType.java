package io.recruitsuite.common.events;

/**
 * One type of domain event: its wire name, the topic it travels on, the record of its {@code data},
 * and whether webhook endpoints may subscribe to it.
 */
public record EventType<T extends EventPayload>(String name, String topic, Class<T> payload, boolean subscribable) {
}
