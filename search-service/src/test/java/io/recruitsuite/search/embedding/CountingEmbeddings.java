package io.recruitsuite.search.embedding;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only: counts how often each query text reaches the model, so a test can tell a cache hit from a miss. */
@Decorator
@Priority(10)
public abstract class CountingEmbeddings implements EmbeddingProvider {

    private static final Map<String, AtomicInteger> QUERIES = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    @Any
    EmbeddingProvider delegate;

    public static int queries(String query) {
        AtomicInteger n = QUERIES.get(query);
        return n == null ? 0 : n.get();
    }

    @Override
    public float[] embedQuery(String query) {
        QUERIES.computeIfAbsent(query, q -> new AtomicInteger()).incrementAndGet();
        return delegate.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return delegate.embedPassages(passages);
    }
}
