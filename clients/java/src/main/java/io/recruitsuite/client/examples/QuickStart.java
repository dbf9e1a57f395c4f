package io.recruitsuite.client.examples;

import io.recruitsuite.client.ApiClient;
import io.recruitsuite.client.ApiException;
import io.recruitsuite.client.api.CandidatesApi;
import io.recruitsuite.client.api.SearchApi;
import io.recruitsuite.client.model.CandidateFull;
import io.recruitsuite.client.model.CreateCandidate;
import io.recruitsuite.client.model.SearchRequest;
import io.recruitsuite.client.model.SearchResult;

/**
 * Creates a candidate with a CV and searches for it: {@code RS_GATEWAY} (default http://127.0.0.1:8080) and
 * {@code RS_API_KEY} (a key with candidates:read, candidates:write and search:read, as ./suite up prints).
 */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = System.getenv().getOrDefault("RS_GATEWAY", "http://127.0.0.1:8080");
        String key = System.getenv("RS_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("set RS_API_KEY to an API key (./suite up prints one)");
            System.exit(2);
        }
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));

        try {
            CandidateFull candidate = new CandidatesApi(client).createCandidate(new CreateCandidate()
                    .name("Quinn Example").email("quinn@example.com").filename("quinn-cv.txt")
                    .cvText("Data engineer: Spark, Kafka and Airflow pipelines on AWS, five years.")).getData();
            System.out.println("created " + candidate.getId());
            // indexing is asynchronous: a search right after the upload may not find the CV yet
            Thread.sleep(3000);
            for (SearchResult r : new SearchApi(client).searchCandidates(new SearchRequest().query("kafka data engineer").limit(5)).getData()) {
                System.out.printf("%.3f  %s  %s%n", r.getSimilarity(), r.getCandidateId(), r.getCandidateName());
            }
        } catch (ApiException e) {
            // every error is the envelope {"error": {"code", "message", "requestId", "details"}}
            System.err.println("HTTP " + e.getCode() + ": " + e.getResponseBody());
            System.exit(1);
        }
    }
}
