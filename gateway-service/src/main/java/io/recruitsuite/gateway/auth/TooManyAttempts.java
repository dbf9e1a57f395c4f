package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;

/** A 429 for an address that tried too many unknown API keys; carries its Retry-After. */
public class TooManyAttempts extends ApiException {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, "Too many unknown API keys from this address; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
