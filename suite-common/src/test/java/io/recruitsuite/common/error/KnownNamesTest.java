package io.recruitsuite.common.error;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.common.error.KnownNames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KnownNamesTest {

    static final Set<String> LIST_PARAMETERS = Set.of("page", "limit", "cursor", "search", "tag", "createdAfter", "stage", "job");

    @Test
    void suggestsTheDeclaredNameATypoOrAnotherCaseStyleMeant() {
        assertEquals("limit", KnownNames.closest("limt", LIST_PARAMETERS));
        assertEquals("createdAfter", KnownNames.closest("created_after", LIST_PARAMETERS));
        assertEquals("createdAfter", KnownNames.closest("CreatedAfter", LIST_PARAMETERS));
        assertEquals("cursor", KnownNames.closest("cursr", LIST_PARAMETERS));
        assertEquals("jobId", KnownNames.closest("job_id", Set.of("jobId", "candidateId", "status")));
    }

    @Test
    void suggestsNothingWhenNoDeclaredNameIsClose() {
        assertNull(KnownNames.closest("job_posting_id", Set.of("jobId", "candidateId", "status", "page", "limit", "cursor")));
        assertNull(KnownNames.closest("x", Set.of("page", "limit")));
        assertNull(KnownNames.closest("organizationId", LIST_PARAMETERS));
        assertNull(KnownNames.closest("anything", Set.of()));
    }

    @Test
    void aValidationMessageInTheFieldFirstStyleNamesItsFieldInTheDetails() {
        assertEquals(List.of(new ErrorEnvelope.Detail("title", "at most 200 characters")),
                ApiException.validation("title: at most 200 characters").details());
        assertEquals(List.of(new ErrorEnvelope.Detail("salary.currency", "must be an ISO 4217 code")),
                ApiException.validation("salary.currency: must be an ISO 4217 code").details());
        assertEquals(List.of(new ErrorEnvelope.Detail("stages[2]", "too long")), ApiException.validation("stages[2]: too long").details());
        // a sentence is not a field
        assertEquals(List.of(), ApiException.validation("Request body is required").details());
        assertEquals(List.of(), ApiException.validation("Only one of page or cursor: not both").details());
    }

    @Test
    void theRawEnvelopeCarriesTheRequestIdOnlyWhenThereIsOne() {
        assertEquals("{\"error\":{\"code\":\"not_found\",\"message\":\"Route \\\"x\\\" not found\",\"requestId\":\"req_1\"}}",
                ErrorEnvelope.json(io.recruitsuite.common.error.ErrorCode.NOT_FOUND, "Route \"x\" not found", "req_1"));
        assertEquals("{\"error\":{\"code\":\"not_found\",\"message\":\"gone\"}}",
                ErrorEnvelope.json(io.recruitsuite.common.error.ErrorCode.NOT_FOUND, "gone", null));
    }
}
