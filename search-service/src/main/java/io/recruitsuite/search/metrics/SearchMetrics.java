package io.recruitsuite.search.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Search latency and the size of the index, for Prometheus. */
@ApplicationScoped
public class SearchMetrics {

    private static final Logger LOG = Logger.getLogger(SearchMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    Pool pool;

    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong chunks = new AtomicLong();
    private Timer latency;
    private final java.util.Map<String, Timer> phases = new java.util.concurrent.ConcurrentHashMap<>();

    void register(@Observes StartupEvent event) {
        latency = Timer.builder("search.latency").description("Time to answer a search, from validated request to ranked page")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("search.index.documents", documents, AtomicLong::get).description("CV documents in the index, all organizations")
                .register(registry);
        Gauge.builder("search.index.chunks", chunks, AtomicLong::get).description("Embedded chunks in the index, all organizations")
                .register(registry);
    }

    /**
     * Times one phase of a search ({@code query-vector}, {@code semantic}, {@code keyword},
     * {@code fusion}, {@code results}, {@code record}) as {@code search.phase{phase=…}}: where the time
     * of a search goes.
     */
    public <T> Uni<T> phase(String name, Uni<T> step) {
        Timer timer = phases.computeIfAbsent(name, n -> Timer.builder("search.phase").tag("phase", n)
                .description("Time of one phase of a search").publishPercentiles(0.5, 0.95).register(registry));
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return step.onTermination().invoke(() -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

    /** Times {@code search} from subscription to its result or failure. */
    public <T> Uni<T> timed(Uni<T> search) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return search.onTermination().invoke(() -> latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

    @Scheduled(every = "${search.metrics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshIndexSize() {
        return pool.query("select (select count(*) from search_documents), (select count(*) from search_chunks)")
                .execute()
                .invoke(rows -> {
                    Row r = rows.iterator().next();
                    documents.set(r.getLong(0));
                    chunks.set(r.getLong(1));
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("cannot read the index size now (%s)", e.getMessage());
                    return null;
                });
    }
}
