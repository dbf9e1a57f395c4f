package io.recruitsuite.search.embedding;

import dev.langchain4j.data.segment.TextSegment;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.quarkus.runtime.Startup;
import io.recruitsuite.search.SearchConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
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

    private static final String MODEL_FILE = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_FILE = "/bge-small-en-v1.5-q-tokenizer.json";

    /** Search queries: one text at a time, spread over {@code search.query-intra-op-threads} runtime threads. */
    private EmbeddingModel model;
    /** CV passages: queued on {@code search.embedding-threads}, each run on one thread (see {@link #session}). */
    private EmbeddingModel passages;
    private ExecutorService executor;

    @PostConstruct
    void load() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.embeddingThreads(), r -> {
            Thread t = new Thread(r, "search-embedding-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        model = session(config.queryIntraOpThreads());
        passages = session(config.embeddingIntraOpThreads());
    }

    /**
     * The model in a session of its own, with {@code intraOpThreads} runtime threads per run that do not spin
     * between operators (the library's default session spins: on a machine whose cores the model shares with
     * the database, a spinning thread took the CPU that indexing's writes and a search's statements need).
     * Passages run with one thread each: a batch is already spread over {@code search.embedding-threads}.
     */
    private EmbeddingModel session(int intraOpThreads) {
        try (InputStream modelFile = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(MODEL_FILE);
             InputStream tokenizer = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER_FILE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, environment.createSession(modelFile.readAllBytes(), options),
                    tokenizer, PoolingMode.CLS);
            return new AbstractInProcessEmbeddingModel(executor) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return 384;
                }
            };
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the embedding model", e);
        }
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

    /** Each passage is one run of the model on one of the {@code search.embedding-threads}, in the order queued. */
    @Override
    public List<CompletableFuture<float[]>> submitPassages(List<String> texts) {
        List<CompletableFuture<float[]>> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            try {
                vectors.add(CompletableFuture.supplyAsync(() -> passages.embed(TextSegment.from(text)).content().vector(), executor));
            } catch (RejectedExecutionException shuttingDown) {
                vectors.add(CompletableFuture.failedFuture(shuttingDown));
            }
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embed(QUERY_INSTRUCTION + query).content().vector();
    }

    public boolean ready() {
        return model != null;
    }
}
