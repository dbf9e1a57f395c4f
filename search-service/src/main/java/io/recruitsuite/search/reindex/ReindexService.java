package io.recruitsuite.search.reindex;

import io.recruitsuite.search.SearchConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts rebuilds of one organization's index. A run reads the organization's documents from the
 * candidate-service on its own thread ({@link CandidateServiceRebuild}); the caller gets the run at once and
 * follows it with {@link #latest}.
 */
@ApplicationScoped
public class ReindexService {

    private static final Logger LOG = Logger.getLogger(ReindexService.class);

    @Inject
    ReindexRepository runs;
    @Inject
    CandidateServiceRebuild rebuild;
    @Inject
    SearchConfig config;

    private ExecutorService executor;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "search-reindex-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Starts a run, or returns the one already running for the organization. */
    public Uni<ReindexRun> start(String organizationId) {
        return runs.start(organizationId).invoke(started -> {
            if (started.fresh()) {
                UUID id = UUID.fromString(started.run().id());
                executor.execute(() -> run(id, organizationId, started.run()));
            }
        }).map(ReindexRepository.Started::run);
    }

    public Uni<ReindexRun> latest(String organizationId) {
        return runs.latest(organizationId).map(s -> s == null ? null : s.run());
    }

    private void run(UUID id, String organizationId, ReindexRun run) {
        try {
            CandidateServiceRebuild.Result result = rebuild.rebuild(id, organizationId);
            LOG.infof("reindex of %s completed: %d documents read, %d written, %d removed", organizationId,
                    result.read(), result.applied(), result.swept());
        } catch (Exception e) {
            LOG.errorf(e, "reindex of %s failed", organizationId);
            runs.fail(id, e.toString()).await().atMost(java.time.Duration.ofSeconds(30));
        }
    }
}
