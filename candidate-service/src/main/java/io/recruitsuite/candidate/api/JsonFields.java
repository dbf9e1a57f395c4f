package io.recruitsuite.candidate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.jobs.JobRules;
import io.recruitsuite.common.api.KnownFields;
import io.recruitsuite.common.error.ApiException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of a JSON object body, where presence matters (PATCH) and a wrong type is a 400. */
final class JsonFields {

    private JsonFields() {
    }

    /** The body as an object whose fields are all among {@code known}: an unknown field is a 400 naming it. */
    static ObjectNode object(JsonNode body, String... known) {
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.validation("Request body must be a JSON object");
        }
        KnownFields.require(object, java.util.Set.of(known));
        return object;
    }

    static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation(field + ": must be a string");
        }
        return value.textValue();
    }

    /** Stages given as names or as objects with a {@code name} and an optional {@code type}, the shape stages are returned in. */
    static List<JobRules.StageSpec> stages(ObjectNode body) {
        return stages(body, "stages");
    }

    /** As {@link #stages(ObjectNode)} for another field of the same shape (a campaign's {@code pipelineTemplate}). */
    static List<JobRules.StageSpec> stages(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.validation(field + ": must be an array of stage names or {\"name\": …, \"type\": …} objects");
        }
        List<JobRules.StageSpec> out = new ArrayList<>();
        for (JsonNode s : value) {
            JsonNode name = s.isObject() ? s.get("name") : s;
            if (name == null || !name.isTextual()) {
                throw ApiException.validation(field + ": must be an array of stage names or {\"name\": …, \"type\": …} objects");
            }
            JsonNode type = s.isObject() ? s.get("type") : null;
            if (type != null && !type.isNull() && !type.isTextual()) {
                throw ApiException.validation(field + "[" + out.size() + "].type: must be a string");
            }
            out.add(new JobRules.StageSpec(name.textValue(), type == null || type.isNull() ? null : type.textValue()));
        }
        return out;
    }

    /** {@code {"min": …, "max": …, "currency": "USD", "period": "year"}}; null when absent or null (which clears it in a PATCH). */
    static JobRules.SalaryInput salary(ObjectNode body) {
        JsonNode value = body.get("salary");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode salary)) {
            throw ApiException.validation("salary: must be an object with min, max, currency and period");
        }
        return new JobRules.SalaryInput(decimal(salary, "min", "salary.min"), decimal(salary, "max", "salary.max"),
                text(salary, "currency", "salary.currency"), text(salary, "period", "salary.period"));
    }

    static Integer integer(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.validation(field + ": must be a whole number");
        }
        return value.intValue();
    }

    static Boolean bool(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.validation(field + ": must be true or false");
        }
        return value.booleanValue();
    }

    /** An ISO-8601 date-time with an offset, such as 2026-03-02T14:00:00Z. */
    static OffsetDateTime time(ObjectNode body, String field) {
        return time(field, text(body, field));
    }

    /** A query parameter or body field holding an ISO-8601 date-time; null when absent or empty. */
    static OffsetDateTime time(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            // stored in UTC to the microsecond: what a write answers equals what a read returns
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field + ": must be an ISO-8601 date-time such as 2026-03-02T14:00:00Z");
        }
    }

    /** A list of strings; null when absent or null. */
    static List<String> strings(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.validation(field + ": must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode t : value) {
            if (!t.isTextual()) {
                throw ApiException.validation(field + ": must be an array of strings");
            }
            out.add(t.textValue());
        }
        return out;
    }

    /** {@code {"attribute": 1..4, …}}; the range is the rules' to check, the shape is checked here. */
    static java.util.Map<String, Integer> ratings(ObjectNode body) {
        JsonNode value = body.get("ratings");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw ApiException.validation("ratings: must be an object of attribute names to ratings from 1 to 4");
        }
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (var it = object.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                throw ApiException.validation("ratings." + e.getKey() + ": must be a whole number from 1 to 4");
            }
            out.put(e.getKey(), e.getValue().intValue());
        }
        return out;
    }

    private static BigDecimal decimal(ObjectNode body, String field, String name) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ApiException.validation(name + ": must be a number");
        }
        return value.decimalValue();
    }

    private static String text(ObjectNode body, String field, String name) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation(name + ": must be a string");
        }
        return value.textValue();
    }
}
