package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.recruitsuite.common.events.EventPayload.CandidateDeleted;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.outbox.SessionOutbox;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@link OutboxCommitOrderTest} for the outbox the service writes through since it persists with Panache: two
 * reactive transactions of one organization, interleaved. The second waits at its append until the first has
 * committed, so consumers see the events in commit order; another organization does not wait.
 */
@QuarkusTest
class SessionOutboxCommitOrderTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void oneOrganizationsEventsArePublishedInTheOrderTheirReactiveTransactionsCommit() throws Throwable {
        String org = TestTokens.newOrganizationId();
        String other = TestTokens.newOrganizationId();
        SessionOutbox outbox = new SessionOutbox(mapper);

        CompletableFuture<Void> firstAppended = new CompletableFuture<>();
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
        CompletableFuture<Void> firstCommitted = run(() -> Panache.withTransaction(
                () -> outbox.append(Events.CANDIDATE_DELETED, org, new CandidateDeleted("cand_first", List.of()))
                        .invoke(() -> firstAppended.complete(null))
                        .chain(() -> onThisContext(Uni.createFrom().completionStage(releaseFirst)))));
        firstAppended.get(10, TimeUnit.SECONDS);

        // another organization is not held up by the open transaction
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(Events.CANDIDATE_DELETED, other, new CandidateDeleted("cand_other", List.of()))));

        CompletableFuture<Void> secondCommitted = run(() -> Panache.withTransaction(
                () -> outbox.append(Events.CANDIDATE_DELETED, org, new CandidateDeleted("cand_second", List.of()))));
        Thread.sleep(1000);
        assertFalse(secondCommitted.isDone(), "the second transaction waits at its append while the first is open");

        releaseFirst.complete(null);
        firstCommitted.get(10, TimeUnit.SECONDS);
        secondCommitted.get(10, TimeUnit.SECONDS);

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org, found -> found.size() >= 2, Duration.ofSeconds(30));
        assertEquals(List.of("cand_first", "cand_second"), events.stream().map(e -> e.path("data").path("candidateId").asText()).toList(),
                "published in commit order");
    }

    /** Runs {@code work} on a Vert.x context of its own, as a request would; the future completes when it has. */
    private static CompletableFuture<Void> run(Supplier<Uni<Void>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        VertxContextSupport.subscribeWith(() -> work.get()
                .onItem().invoke(() -> done.complete(null))
                .onFailure().invoke(done::completeExceptionally)
                .onFailure().recoverWithNull().toMulti(), ignored -> {
        });
        return done;
    }

    /** {@code uni}, with its outcome delivered on the current Vert.x context, where the reactive session lives. */
    private static <T> Uni<T> onThisContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
