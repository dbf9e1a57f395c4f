package io.recruitsuite.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.recruitsuite.search.SearchTest.awaitTotal;
import static io.recruitsuite.search.SearchTest.search;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * document.upload carries no CV text: the indexer fetches text and contact from the candidate-service (here its stand-in,
 * a real HTTP server) when it reads the event. A CV erased before it was read is not indexed, and the events after it
 * still apply.
 */
@QuarkusTest
class TextFromCandidateServiceTest {

    private static String newDocumentId() {
        return "doc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    @Test
    void theIndexHoldsTheFetchedTextAndContactAndSkipsACvErasedBeforeItWasRead() {
        String org = TestTokens.newOrganizationId();
        String kept = newDocumentId();
        String erased = newDocumentId();
        String after = newDocumentId();
        ObjectNode keptData = SearchTest.uploadData(org, kept, "Nadia Nurse", SearchTest.CVS.get("Nadia Nurse"), List.of(), "txt");
        ObjectNode erasedData = SearchTest.uploadData(org, erased, "Carlo Chef", SearchTest.CVS.get("Carlo Chef"), List.of(), "txt");
        ObjectNode afterData = SearchTest.uploadData(org, after, "Dmitri Driver", SearchTest.CVS.get("Dmitri Driver"), List.of(), "txt");
        assertEquals(false, keptData.has("text") || keptData.has("candidateEmail"), "the event carries neither text nor email");
        // erased in the candidate-service before the search-service read its upload
        CandidateServiceStandIn.erase(org, erased);

        TestKafka.publishAll(Topics.CANDIDATE_EVENTS, org, List.of(
                SearchTest.envelope(org, "document.upload", keptData, UUID.randomUUID().toString()),
                SearchTest.envelope(org, "document.upload", erasedData, UUID.randomUUID().toString()),
                SearchTest.envelope(org, "document.upload", afterData, UUID.randomUUID().toString())));

        Response r = awaitTotal(org, "work experience", 2);
        assertEquals(Set.of(kept, after), Set.copyOf(r.jsonPath().getList("data.id")));
        // text and contact came from the candidate-service
        search(org, Map.of("query", "registered nurse on surgical wards", "limit", 1)).then().statusCode(200)
                .body("data[0].id", equalTo(kept))
                .body("data[0].candidateEmail", equalTo("nadia.nurse@example.com"))
                .body("data[0].highlights[0]", containsString("nurse"));
        search(org, Map.of("query", "chef italian restaurant pasta", "mode", "keyword")).then().statusCode(200)
                .body("meta.total", equalTo(0));
    }

    @Test
    void anUploadReadWhileTheCandidateServiceFailsIsIndexedOnceItAnswersAgain() {
        String org = TestTokens.newOrganizationId();
        String doc = newDocumentId();
        ObjectNode data = SearchTest.uploadData(org, doc, "Anna Accountant", SearchTest.CVS.get("Anna Accountant"), List.of(), "txt");
        // more failures than one guarded call retries: the consumer retries the event with its back-off, holding the partition
        CandidateServiceStandIn.failNextReads(5);
        TestKafka.publishAll(Topics.CANDIDATE_EVENTS, org, List.of(SearchTest.envelope(org, "document.upload", data, UUID.randomUUID().toString())));
        awaitTotal(org, "work experience", 1).then().body("data[0].id", equalTo(doc));
    }
}
