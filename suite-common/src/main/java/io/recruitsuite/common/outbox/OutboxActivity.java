package io.recruitsuite.common.outbox;

/**
 * This process's appends to the outbox, told to its relay: an idle relay looks at the outbox seldom
 * ({@link io.recruitsuite.common.polling.PollCadence}), and an append brings its next look forward. Process-wide because the outbox
 * writers ({@link Outbox}, {@link SessionOutbox}) are plain objects that services create where they write.
 */
public final class OutboxActivity {

    private static volatile long lastAppend;
    private static volatile boolean everAppended;
    private static volatile Runnable listener = () -> {
    };

    private OutboxActivity() {
    }

    /** An event was appended in a transaction not yet committed: the relay should look soon, and keep looking a while. */
    static void appended() {
        lastAppend = System.nanoTime();
        everAppended = true;
        listener.run();
    }

    static boolean everAppended() {
        return everAppended;
    }

    static long lastAppend() {
        return lastAppend;
    }

    /** The relay's wake-up, called on every append from the appending thread (so it must not block). */
    static void listen(Runnable wakeUp) {
        listener = wakeUp;
    }

    static void stopListening() {
        listener = () -> {
        };
    }
}
