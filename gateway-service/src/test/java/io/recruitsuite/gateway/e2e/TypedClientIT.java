package io.recruitsuite.gateway.e2e;

import io.recruitsuite.client.ApiClient;
import io.recruitsuite.client.ApiException;
import io.recruitsuite.client.api.CandidatesApi;
import io.recruitsuite.client.api.SearchApi;
import io.recruitsuite.client.api.WebhooksApi;
import io.recruitsuite.client.model.CandidateFull;
import io.recruitsuite.client.model.CreateCandidate;
import io.recruitsuite.client.model.CreateEndpoint;
import io.recruitsuite.client.model.EndpointView;
import io.recruitsuite.client.model.SearchRequest;
import io.recruitsuite.client.model.SearchResult;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client generated from docs/openapi.json (clients/java) against the running suite: the candidate,
 * search and webhook flows an integrator writes first, and errors as the client surfaces them. A change to
 * the API that breaks the generated client breaks this test.
 */
@org.junit.jupiter.api.Order(50)
class TypedClientIT {

    static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(E2eSupport.GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    @Test
    void candidateSearchAndWebhookFlowsThroughTheGeneratedClient() throws Exception {
        Tenant t = Tenant.create("typed-client", List.of("candidates:read", "candidates:write", "search:read", "webhooks:read", "webhooks:write"));
        ApiClient api = client(t.key);
        CandidatesApi candidates = new CandidatesApi(api);
        SearchApi search = new SearchApi(api);
        WebhooksApi webhooks = new WebhooksApi(api);
        String word = "zyxquartz" + E2eSupport.randomWord(6).toLowerCase();

        CandidateFull created = candidates.createCandidate(new CreateCandidate().name("Tess Client").email("tess@example.com")
                .addTagsItem("typed").filename("tess-cv.txt")
                .cvText("Platform engineer with Kubernetes and Terraform, " + word + " certified, eight years of experience.")).getData();
        assertTrue(created.getId().startsWith("cand_"), created.getId());
        assertEquals("Tess Client", candidates.getCandidate(created.getId()).getData().getName());
        assertTrue(candidates.listCandidates(null, null, null, 20, null, "Tess", null, null).getData().stream()
                .anyMatch(c -> c.getId().equals(created.getId())));

        // the CV is indexed through Kafka: searched for until it shows, within a bound
        List<SearchResult> found = List.of();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = search.searchCandidates(new SearchRequest().query(word).mode(SearchRequest.ModeEnum.KEYWORD).limit(5)).getData()
                    .stream().filter(r -> created.getId().equals(r.getCandidateId())).toList();
            if (found.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertEquals(1, found.size(), "the candidate's CV is found by its rare word");
        assertTrue(found.get(0).getSimilarity() > 0 && found.get(0).getSimilarity() <= 1, String.valueOf(found.get(0).getSimilarity()));

        EndpointView endpoint = webhooks.createWebhook(new CreateEndpoint().url("http://127.0.0.1:9/typed-client")
                .addEventsItem("candidate.created")).getData();
        assertTrue(endpoint.getSecret().startsWith("whsec_"), "the signing secret, once");
        assertTrue(webhooks.listWebhooks(20, 1).getData().stream().anyMatch(e -> e.getId().equals(endpoint.getId())));
        webhooks.deleteWebhook(endpoint.getId());
        ApiException gone = assertThrows(ApiException.class, () -> webhooks.getWebhook(endpoint.getId()));
        assertEquals(404, gone.getCode());
        assertTrue(gone.getResponseBody().contains("\"not_found\""), gone.getResponseBody());

        // a bad value comes back as the documented envelope, with the field named and the request id
        ApiException invalid = assertThrows(ApiException.class, () -> candidates.listCandidates(null, null, null, 0, null, null, null, null));
        assertEquals(400, invalid.getCode());
        assertTrue(invalid.getResponseBody().contains("\"requestId\""), invalid.getResponseBody());
    }
}
