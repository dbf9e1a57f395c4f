package io.recruitsuite.common.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every service reads JSON strictly: a number where a string belongs, or a string where a list
 * belongs, a fraction where a whole number belongs, or a key given twice, is a validation error rather
 * than a silent conversion. A field the request type does not have is refused too (a misspelt
 * optional field would otherwise be dropped without a word); what we read from each other — events,
 * internal answers, our own stored records — is read with {@link #tolerant}, so a newer producer may
 * add fields. Dates go out as ISO-8601 strings.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** A reader for data another part of the suite wrote: fields it added since are ignored, not refused. */
    public static ObjectReader tolerant(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        // 1.5 is not a limit of 1, and {"name": 123} is not the name "123"
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // {"a": 1, "a": 2} is ambiguous: refused, not read as its last value
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
