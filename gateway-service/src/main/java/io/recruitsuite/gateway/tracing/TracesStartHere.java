package io.recruitsuite.gateway.tracing;


import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * The gateway is where a trace starts: every propagator still writes our trace context towards the
 * services, but none reads one from the public, so a client cannot join our traces, choose their ids or
 * force sampling. (The client's {@code traceparent} is kept as an attribute of the gateway's span.)
 */
@Singleton
public class TracesStartHere implements TextMapPropagatorCustomizer {

    @Override
    public TextMapPropagator customize(TextMapPropagatorCustomizer.Context context) {
        return new InjectOnly(context.propagator());
    }

    record InjectOnly(TextMapPropagator delegate) implements TextMapPropagator {

        @Override
        public Collection<String> fields() {
            return delegate.fields();
        }

        @Override
        public <C> void inject(io.opentelemetry.context.Context context, C carrier, TextMapSetter<C> setter) {
            delegate.inject(context, carrier, setter);
        }

        @Override
        public <C> io.opentelemetry.context.Context extract(io.opentelemetry.context.Context context, C carrier, TextMapGetter<C> getter) {
            return context;
        }
    }
}
