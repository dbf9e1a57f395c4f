package io.recruitsuite.candidate.interviews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scorecard's ratings as a JSON object in a text column: the attributes are the integrator's own (seed 001 lets each
 * scorecard name them), and nothing queries them inside the database, reports read them whole.
 */
@Converter
public class Ratings implements AttributeConverter<Map<String, Integer>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, Integer> ratings) {
        try {
            return JSON.writeValueAsString(ratings == null ? Map.of() : ratings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Map<String, Integer> convertToEntityAttribute(String json) {
        try {
            return json == null ? new LinkedHashMap<>() : JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ratings column holds no JSON object", e);
        }
    }
}
