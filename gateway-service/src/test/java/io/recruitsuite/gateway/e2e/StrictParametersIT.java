package io.recruitsuite.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.recruitsuite.gateway.e2e.E2eSupport.Req;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.gateway.e2e.E2eSupport.ALL_SCOPES;
import static io.recruitsuite.gateway.e2e.E2eSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contracts issue, point 2, on every operation of the published OpenAPI document: an undeclared query
 * parameter is a 400 validation_error whose details name it, and so is an unknown field in a JSON body;
 * each error carries the request id. Nothing is ignored silently, so a misspelt filter never returns everything.
 */
@org.junit.jupiter.api.Order(4)
class StrictParametersIT {

    /** requests per tenant before the next one takes over, below the organization's 60 a minute */
    static final int PER_TENANT = 50;

    int sent;
    Tenant tenant;
    String session;

    Resp call(Req req, boolean sessionRoute) {
        if (tenant == null || sent++ % PER_TENANT == 0) {
            tenant = Tenant.create("strict " + sent, ALL_SCOPES);
            E2eSupport.addMember(tenant.org, "usr_strict", "admin");
            session = E2eSupport.dashboardToken(tenant.org, "usr_strict", "admin", 600);
        }
        if (sessionRoute) {
            return send(req.auth(session));
        }
        return tenant.call(req);
    }

    @Test
    void everyOperationRefusesAnUnknownQueryParameterAndAnUnknownBodyFieldNamingIt() throws Exception {
        JsonNode doc = send(new Req("GET", "/api/v1/openapi.json")).json();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        int bodies = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String target = path.getKey().replaceAll("\\{[^}]+}", "x_0000000000000000");
            boolean sessionRoute = path.getKey().startsWith("/api/v1/keys");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String name = method + " " + path.getKey();
                operations++;
                Req query = new Req(method, target + "?unknownParam=1");
                boolean json = op.getValue().path("requestBody").path("content").has("application/json");
                if (json) {
                    query.json("{}");
                }
                check(problems, name + " ?unknownParam", call(query, sessionRoute), "unknownParam");
                if (json) {
                    bodies++;
                    check(problems, name + " {unknownField}", call(new Req(method, target).json("{\"unknownField\": 1}"), sessionRoute),
                            "unknownField");
                }
            }
        }
        System.out.println("StrictParametersIT: " + operations + " operations, " + bodies + " with JSON bodies, " + sent + " requests");
        assertTrue(operations >= 40 && bodies >= 15, operations + " operations, " + bodies + " JSON bodies");
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, String what, Resp r, String field) {
        JsonNode error = r.status() == 400 ? r.json().path("error") : null;
        if (error == null || !"validation_error".equals(error.path("code").asText())
                || !field.equals(error.path("details").path(0).path("field").asText())
                || !error.path("requestId").asText().equals(r.header("X-Request-Id"))) {
            problems.add(what + ": " + r.describe());
        }
    }
}
