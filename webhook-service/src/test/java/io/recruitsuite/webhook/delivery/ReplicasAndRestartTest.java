package io.recruitsuite.webhook.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.webhook.Api;
import io.recruitsuite.webhook.Receiver;
import io.recruitsuite.webhook.TestEvents;
import io.recruitsuite.webhook.delivery.DeliveryRepository.Outcome;
import io.recruitsuite.webhook.delivery.DeliveryRepository.Settlement;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.recruitsuite.webhook.TestEvents.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several workers on one queue, a worker restarted in the middle of a burst, and a worker that died holding leases. */
@QuarkusTest
class ReplicasAndRestartTest {

    @Inject
    Dispatcher dispatcher;
    @Inject
    DeliveryRepository repository;
    @Inject
    Pool pool;

    static List<String> burst(String org, int events) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String id = UUID.randomUUID().toString();
            TestEvents.send(org, id, "document.upload", TestEvents.uploadData(id, "burst-" + i + ".pdf"));
            ids.add(id);
        }
        TestEvents.flush();
        return ids;
    }

    static int total(List<Receiver> receivers) {
        return receivers.stream().mapToInt(r -> r.received.size()).sum();
    }

    @Test
    void noDuplicateDeliveryAcrossARestartMidBurstWithASecondReplicaRunning() {
        String org = TestTokens.newOrganizationId();
        List<Receiver> receivers = List.of(new Receiver(), new Receiver(), new Receiver());
        DeliveryWorker secondReplica = dispatcher.newWorker();
        try {
            receivers.forEach(r -> r.delayMillis = 15); // keep deliveries in flight while the worker stops
            receivers.forEach(r -> Api.register(org, r.url(), null));
            secondReplica.start();

            List<String> first = burst(org, 80);
            await("the burst under way", Duration.ofSeconds(20), () -> total(receivers) >= 40);
            // restart this replica's worker: stop (finishing what it claimed), events keep arriving, start again
            assertTrue(dispatcher.worker().inFlight() > 0 || total(receivers) < 240, "stopped in the middle of the burst");
            dispatcher.worker().stop().await().atMost(Duration.ofSeconds(10));
            assertEquals(0, dispatcher.worker().inFlight(), "every claimed delivery settled before the stop returned");
            List<String> second = burst(org, 40);
            dispatcher.worker().start();
            await("most of it", Duration.ofSeconds(30), () -> total(receivers) >= 240);
            secondReplica.stop().await().atMost(Duration.ofSeconds(10));

            int expected = (first.size() + second.size()) * receivers.size();
            await("every delivery", Duration.ofSeconds(30), () -> total(receivers) >= expected);
            try {
                Thread.sleep(1000); // a duplicate would arrive now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, Integer> perPair = new HashMap<>();
            for (Receiver r : receivers) {
                for (Receiver.Received got : r.received) {
                    perPair.merge(r.url() + " " + got.header("webhook-id"), 1, Integer::sum);
                }
            }
            assertEquals(expected, perPair.size(), "every (event, endpoint) delivered");
            assertEquals(List.of(), perPair.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                    "none delivered twice");
            Row row = pool.preparedQuery("select count(*) filter (where status = 'succeeded' and attempts = 1), count(*) "
                            + "from webhook_deliveries where organization_id = $1").execute(Tuple.of(org))
                    .await().atMost(Duration.ofSeconds(5)).iterator().next();
            assertEquals(expected, row.getLong(1));
            assertEquals(expected, row.getLong(0), "each succeeded at its first attempt");
            // each replica's claim counts the leases of all, so two replicas exceed 4 only when their claims race
            assertTrue(receivers.stream().allMatch(r -> r.maxConcurrent.get() <= 2 * 4),
                    "per-endpoint concurrency stays bounded across replicas");
        } finally {
            secondReplica.stop().await().atMost(Duration.ofSeconds(10));
            secondReplica.close().await().atMost(Duration.ofSeconds(5));
            receivers.forEach(Receiver::close);
        }
    }

    @Test
    void deliveriesHeldByADeadReplicaReturnWhenItsLeaseRunsOut() {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            Api.Registered endpoint = Api.register(org, receiver.url(), null);
            dispatcher.worker().stop().await().atMost(Duration.ofSeconds(10));
            List<String> ids;
            List<Delivery> held;
            try {
                ids = burst(org, 5);
                await("queued", Duration.ofSeconds(15), () -> Api.deliveries(org, endpoint.id()).getInt("meta.total") == 5);
                // a replica claims them and dies before sending
                UUID deadToken = UUID.randomUUID();
                held = repository.claim(100, 10, 1500, deadToken).await().atMost(Duration.ofSeconds(5)).stream()
                        .map(DeliveryRepository.Claimed::delivery).filter(d -> d.organizationId().equals(org)).toList();
                assertEquals(5, held.size());
            } finally {
                dispatcher.worker().start();
            }
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertTrue(receiver.received.isEmpty(), "leased deliveries are not taken while the lease holds");
            await("taken over after the lease", Duration.ofSeconds(10), () -> ids.stream().allMatch(id -> !receiver.withBodyContaining(id).isEmpty()));
            await("settled", Duration.ofSeconds(5), () -> Api.deliveries(org, endpoint.id()).getList("data.status").stream()
                    .allMatch("succeeded"::equals));
            assertEquals(5, receiver.received.size(), "each sent once by the replica that took over");

            // the dead replica wakes up and tries to settle: its lease is gone, nothing changes
            Delivery stale = held.get(0);
            assertNull(repository.settle(new Settlement(stale.id(), stale.leaseToken(), Outcome.FAILED, 500, 1, "late", null,
                    java.time.OffsetDateTime.now().plusHours(1)), 5).await().atMost(Duration.ofSeconds(5)));
            assertEquals("succeeded", Api.deliveries(org, endpoint.id()).getList("data").stream()
                    .map(d -> (Map<?, ?>) d).filter(d -> stale.id().equals(d.get("id"))).map(d -> d.get("status")).findFirst().orElseThrow());
        }
    }

    @Test
    void aDeadEndpointWithABacklogNeitherExceedsItsConcurrencyNorDelaysAnother() {
        String org = TestTokens.newOrganizationId();
        try (Receiver stuck = new Receiver(); Receiver fine = new Receiver()) {
            stuck.delayMillis = 1500;
            Api.register(org, stuck.url(), null);
            Api.register(org, fine.url(), null);
            List<String> ids = burst(org, 20);
            await("the healthy endpoint served in full", Duration.ofSeconds(10), () -> fine.received.size() >= ids.size());
            assertTrue(stuck.received.size() <= 8, "the slow one got only its share: " + stuck.received.size());
            assertTrue(Stream.of(stuck).allMatch(r -> r.maxConcurrent.get() <= 4), "at most 4 in flight: " + stuck.maxConcurrent.get());
            assertTrue(stuck.maxConcurrent.get() >= 2, "but deliveries of one endpoint still run in parallel");
        }
    }
}
