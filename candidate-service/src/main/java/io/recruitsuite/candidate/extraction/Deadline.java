package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** When reading a file must stop: its time budget spent, or the client gone (nobody waits for the answer). */
public final class Deadline {

    private final long endNanos;
    private final BooleanSupplier clientGone;
    private final Duration budget;

    public Deadline(Duration budget, BooleanSupplier clientGone) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
        this.clientGone = clientGone;
    }

    /** Throws when reading must stop; cheap enough to call in a parser's inner loop. */
    public void check() {
        if (System.nanoTime() > endNanos) {
            throw ApiException.validation("file: reading it took longer than " + budget.toMillis() / 1000.0
                    + " s; a CV needs far less (is it an unusually complex or damaged file?)");
        }
        if (clientGone.getAsBoolean()) {
            throw new Abandoned();
        }
    }

    /** The client went away: the work stops and nobody is answered. */
    public static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the client went away while its file was read", null, false, false);
        }
    }
}
