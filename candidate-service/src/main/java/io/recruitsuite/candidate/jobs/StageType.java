package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.error.ApiException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a stage of a pipeline is for; reports find the hire and the interviews by type, whatever the stages are called. */
public enum StageType {
    APPLIED("applied"), SCREEN("screen"), INTERVIEW("interview"), OFFER("offer"), HIRED("hired"), CUSTOM("custom");

    private final String wire;

    StageType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static StageType parse(String field, String value) {
        for (StageType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        throw ApiException.validation(field + ": must be one of " + Arrays.stream(values()).map(StageType::wire).collect(Collectors.joining(", ")));
    }

    /**
     * The type of a stage named without one: the names of the default pipeline (and "screen") say what they are,
     * anything else is custom. The V4 migration gave existing stages their type by the same rule.
     */
    public static StageType inferred(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "applied" -> APPLIED;
            case "screen", "screening" -> SCREEN;
            case "interview" -> INTERVIEW;
            case "offer" -> OFFER;
            case "hired" -> HIRED;
            default -> CUSTOM;
        };
    }

    /** The column holds the wire name (a check constraint lists them). */
    @Converter
    public static class Column implements AttributeConverter<StageType, String> {
        @Override
        public String convertToDatabaseColumn(StageType type) {
            return type == null ? null : type.wire();
        }

        @Override
        public StageType convertToEntityAttribute(String wire) {
            return wire == null ? null : parse("type", wire);
        }
    }
}
