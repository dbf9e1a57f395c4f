package io.recruitsuite.search.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.quarkus.runtime.Startup;
import io.recruitsuite.search.SearchConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bge-small-en-v1.5 (quantized ONNX, 384 dimensions), running in process from the model packaged in
 * its jar: nothing is downloaded. As the model card says, short queries get the retrieval
 * instruction and passages do not.
 */
@Startup
@ApplicationScoped
public class BgeSmallEmbeddingProvider implements EmbeddingProvider {

    public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    @Inject
    SearchConfig config;

    private EmbeddingModel model;
    private ExecutorService executor;

    @PostConstruct
    void load() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.embeddingThreads(), r -> {
            Thread t = new Thread(r, "search-embedding-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Override
    public String modelId() {
        return "bge-small-en-v1.5-q";
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return model.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector())
                .toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embed(QUERY_INSTRUCTION + query).content().vector();
    }

    public boolean ready() {
        return model != null;
    }
}
