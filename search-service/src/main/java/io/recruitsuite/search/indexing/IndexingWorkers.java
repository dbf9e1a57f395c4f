package io.recruitsuite.search.indexing;

import io.recruitsuite.search.SearchConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that embeds CV passages. It is separate from the worker pool that embeds search
 * queries, so an indexing backlog (a bulk import, a reindex) occupies at most these threads and a
 * search never queues behind it.
 */
@ApplicationScoped
public class IndexingWorkers {

    @Inject
    SearchConfig config;

    private ExecutorService executor;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.indexingThreads(), r -> {
            Thread t = new Thread(r, "search-indexing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public ExecutorService executor() {
        return executor;
    }
}
