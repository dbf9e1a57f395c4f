package io.recruitsuite.webhook.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.ssrf.TargetResolver;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** This replica's delivery worker, started with the application and drained on shutdown. */
@ApplicationScoped
public class Dispatcher {

    @Inject
    WebhooksConfig config;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    TargetResolver resolver;
    @Inject
    SecretBox secrets;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry meters;
    @Inject
    Tracer tracer;

    private volatile DeliveryWorker worker;

    void onStart(@Observes StartupEvent event) {
        worker = newWorker();
        worker.start();
    }

    /** Runs on the shutdown thread, so it may wait: claimed deliveries are settled before the pool closes. */
    void onStop(@Observes ShutdownEvent event) {
        DeliveryWorker w = worker;
        if (w != null) {
            w.stop().await().atMost(config.attemptTimeout().multipliedBy(3));
        }
    }

    /** Another worker on the same queue, as a second replica would run it. */
    public DeliveryWorker newWorker() {
        return new DeliveryWorker(config, deliveries, resolver, secrets, vertx, meters, tracer);
    }

    public DeliveryWorker worker() {
        return worker;
    }

    /** New deliveries were queued: claim them now rather than at the next poll. */
    public void wake() {
        DeliveryWorker w = worker;
        if (w != null) {
            w.wake();
        }
    }
}
