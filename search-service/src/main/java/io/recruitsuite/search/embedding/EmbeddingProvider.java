package io.recruitsuite.search.embedding;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Turns text into vectors. The model behind it is configuration; callers never load one themselves. */
public interface EmbeddingProvider {

    /** Identifies model and version, so cached query vectors of another model are never reused. */
    String modelId();

    int dimensions();

    /** Embeds CV passages and waits for their vectors. Blocking: call it from a worker thread, never the event loop. */
    default List<float[]> embedPassages(List<String> passages) {
        return submitPassages(passages).stream().map(CompletableFuture::join).toList();
    }

    /**
     * Queues CV passages for the model and returns their vectors' futures in the same order. Passages queued by
     * successive calls run one after another on the model's threads, so a caller that keeps the queue filled keeps
     * every thread busy (waiting for a call's last passage would leave the others idle).
     */
    List<CompletableFuture<float[]>> submitPassages(List<String> passages);

    /** Embeds a search query the way the model expects queries (with its retrieval instruction, if any). */
    float[] embedQuery(String query);
}
