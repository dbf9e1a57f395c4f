package io.recruitsuite.search.reindex;

import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.candidates.CandidateDocuments;
import io.recruitsuite.search.indexing.IndexRepository;
import io.recruitsuite.search.indexing.Indexer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rebuilds one organization's index from the candidate-service, the source of the CVs (the topic keeps events for a
 * bounded time and never carried the text): it reads the organization's documents a page at a time in id order
 * (keyset, so documents added or erased meanwhile move no page) and writes each through {@link Indexer#reindex},
 * embedded with the current model. Searches keep working during the run; live events keep applying.
 * <p>
 * It ends under the organization's exclusive lock (live writes hold it shared): it lists the ids the candidate-service
 * has now and removes every indexed document of the organization that is not among them (erased meanwhile, also one a
 * page of the run had written back after its deletion was applied, or an orphan), then marks the run completed, in one
 * transaction. Blocking by design: it runs on its own thread, never on the event loop.
 */
@ApplicationScoped
public class CandidateServiceRebuild {

    private static final int PROGRESS_EVERY_PAGES = 2;

    @Inject
    Indexer indexer;
    @Inject
    IndexRepository index;
    @Inject
    ReindexRepository runs;
    @Inject
    CandidateDocuments documents;
    @Inject
    SearchConfig config;

    /** Documents read from the candidate-service, documents written, documents removed at the end. */
    public record Result(long read, long applied, int swept) {
    }

    public Result rebuild(UUID run, String organizationId) {
        Duration wait = config.reindex().timeout();
        long deadline = System.nanoTime() + wait.toNanos();
        long read = 0;
        long applied = 0;
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not read every document within " + wait);
            }
            CandidateDocuments.Page page = documents.page(organizationId, after, config.reindex().pageSize(), true).await().atMost(wait);
            read += page.documents().size();
            applied += indexer.reindex(organizationId, page.documents()).await().atMost(wait);
            after = page.after();
            more = page.hasMore() && after != null;
            if (++pages % PROGRESS_EVERY_PAGES == 0) {
                runs.progress(run, read, applied).await().atMost(wait);
            }
        }
        long finalRead = read;
        long finalApplied = applied;
        int swept = runs.pool().withTransaction(tx -> index.lockOrganizationExclusive(tx, organizationId)
                        .chain(() -> existingIds(organizationId, null, new ArrayList<>()))
                        .chain(ids -> runs.sweep(tx, organizationId, ids))
                        .call(n -> runs.complete(tx, run, finalRead, finalApplied, n)))
                .await().atMost(wait);
        return new Result(read, applied, swept);
    }

    /** Every id the candidate-service holds for the organization now (pages without text). */
    private Uni<List<String>> existingIds(String organizationId, String after, List<String> ids) {
        return documents.page(organizationId, after, config.reindex().pageSize(), false).chain(page -> {
            page.documents().forEach(d -> ids.add(d.id()));
            return page.hasMore() && page.after() != null ? existingIds(organizationId, page.after(), ids) : Uni.createFrom().item(ids);
        });
    }
}
