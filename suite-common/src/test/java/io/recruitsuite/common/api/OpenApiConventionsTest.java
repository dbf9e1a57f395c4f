package io.recruitsuite.common.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenApiConventionsTest {

    @Test
    void operationIdsReadAsWhatTheOperationDoes() {
        assertEquals("listCandidates", OpenApiConventions.operationId("GET", "/api/v1/candidates"));
        assertEquals("createCandidate", OpenApiConventions.operationId("POST", "/api/v1/candidates"));
        assertEquals("getCandidate", OpenApiConventions.operationId("GET", "/api/v1/candidates/{id}"));
        assertEquals("updateJob", OpenApiConventions.operationId("PATCH", "/api/v1/jobs/{id}"));
        assertEquals("deleteKey", OpenApiConventions.operationId("DELETE", "/api/v1/keys/{prefix}"));
        assertEquals("listCandidateNotes", OpenApiConventions.operationId("GET", "/api/v1/candidates/{id}/notes"));
        assertEquals("createCandidateNote", OpenApiConventions.operationId("POST", "/api/v1/candidates/{id}/notes"));
        assertEquals("rejectApplication", OpenApiConventions.operationId("POST", "/api/v1/applications/{id}/reject"));
        assertEquals("rotateWebhookSecret", OpenApiConventions.operationId("POST", "/api/v1/webhooks/{id}/rotate-secret"));
        assertEquals("redeliverWebhookDelivery", OpenApiConventions.operationId("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver"));
        assertEquals("listWebhookDeliveries", OpenApiConventions.operationId("GET", "/api/v1/webhooks/{id}/deliveries"));
        assertEquals("listPipelineStageCandidates", OpenApiConventions.operationId("GET", "/api/v1/pipeline/stages/{stageId}/candidates"));
        assertEquals("List candidate notes", OpenApiConventions.summaryOf("listCandidateNotes"));
    }
}
