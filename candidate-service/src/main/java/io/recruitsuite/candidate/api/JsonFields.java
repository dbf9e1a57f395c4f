package io.recruitsuite.candidate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.error.ApiException;

import java.util.ArrayList;
import java.util.List;

/** Typed reads of a JSON object body, where presence matters (PATCH) and a wrong type is a 400. */
final class JsonFields {

    private JsonFields() {
    }

    static ObjectNode object(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.validation("Request body must be a JSON object");
        }
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

    /** Stage names given as strings or as objects with a {@code name}, the shape stages are returned in. */
    static List<String> stageNames(ObjectNode body) {
        JsonNode value = body.get("stages");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.validation("stages: must be an array of stage names or {\"name\": …} objects");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : value) {
            JsonNode name = s.isObject() ? s.get("name") : s;
            if (name == null || !name.isTextual()) {
                throw ApiException.validation("stages: must be an array of stage names or {\"name\": …} objects");
            }
            out.add(name.textValue());
        }
        return out;
    }
}
