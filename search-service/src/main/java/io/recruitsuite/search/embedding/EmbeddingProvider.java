package io.recruitsuite.search.embedding;

import java.util.List;

/** Turns text into vectors. The model behind it is configuration; callers never load one themselves. */
public interface EmbeddingProvider {

    /** Identifies model and version, so cached query vectors of another model are never reused. */
    String modelId();

    int dimensions();

    /** Embeds CV passages, in one batch. Blocking and CPU-bound: call it from a worker thread. */
    List<float[]> embedPassages(List<String> passages);

    /** Embeds a search query the way the model expects queries (with its retrieval instruction, if any). */
    float[] embedQuery(String query);
}
