package io.recruitsuite.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The services' JSON reading: wrong types and repeated keys are refused with the field named, never converted. */
class StrictJsonTest {

    record Body(String name, Integer limit, List<String> tags, Boolean flag) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    private String refusal(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, type), json);
        return ErrorMappers.JsonMapper.describe(e);
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        assertEquals("Field 'name' has the wrong type", refusal("{\"name\": 123}", Body.class));
        assertEquals("Field 'name' has the wrong type", refusal("{\"name\": true}", Body.class));
        assertEquals("Field 'name' has the wrong type", refusal("{\"name\": 1.5}", Body.class));
        assertEquals("Field 'limit' has the wrong type", refusal("{\"limit\": 1.5}", Body.class));
        assertEquals("Field 'limit' has the wrong type", refusal("{\"limit\": \"10\"}", Body.class));
        assertEquals("Field 'tags' has the wrong type", refusal("{\"tags\": \"a\"}", Body.class));
        assertEquals("Field 'flag' has the wrong type", refusal("{\"flag\": \"yes\"}", Body.class));
    }

    @Test
    void aKeyGivenTwiceIsRefusedInRecordsAndTrees() {
        assertEquals("Duplicate field in the request body: 'name'", refusal("{\"name\": \"a\", \"name\": \"b\"}", Body.class));
        assertEquals("Duplicate field in the request body: 'x'", refusal("{\"x\": 1, \"x\": 2}", JsonNode.class));
    }

    @Test
    void wellTypedBodiesStillRead() throws Exception {
        assertEquals(new Body("Ada", 10, List.of("a"), true), mapper.readValue("{\"name\":\"Ada\",\"limit\":10,\"tags\":[\"a\"],\"flag\":true}", Body.class));
    }

    @Test
    void anUnknownFieldIsRefusedWithTheClosestKnownNameButDataFromTheSuiteIsReadTolerantly() throws Exception {
        assertEquals("Unknown field 'limt' in the request body; did you mean 'limit'?", refusal("{\"name\":\"a\",\"limt\":3}", Body.class));
        assertEquals("Unknown field 'organizationId' in the request body", refusal("{\"organizationId\":\"org_x\"}", Body.class));
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"tgas\":[]}", Body.class));
        assertEquals(List.of(new ErrorEnvelope.Detail("tgas", "unknown field; did you mean 'tags'?")), ErrorMappers.JsonMapper.details(e));
        // an event or internal answer from a newer producer may carry fields this reader does not know yet
        Body tolerant = StrictJson.tolerant(mapper, Body.class).readValue("{\"name\":\"a\",\"addedLater\":1}");
        assertEquals("a", tolerant.name());
    }
}
