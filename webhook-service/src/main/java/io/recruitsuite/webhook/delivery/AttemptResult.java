package io.recruitsuite.webhook.delivery;

import io.recruitsuite.webhook.delivery.DeliveryRepository.Outcome;

/**
 * What a receiver's answer to one attempt means: 2xx delivered; 410 Gone stops the delivery and disables
 * the endpoint; anything else, or no answer at all, fails the attempt, and 429/502/503/504 ask the sender
 * to slow down (their Retry-After is honoured).
 */
public record AttemptResult(Outcome outcome, boolean slowDown) {

    public static AttemptResult of(Integer statusCode) {
        if (statusCode == null) {
            return new AttemptResult(Outcome.FAILED, false);
        }
        if (statusCode >= 200 && statusCode < 300) {
            return new AttemptResult(Outcome.SUCCEEDED, false);
        }
        if (statusCode == 410) {
            return new AttemptResult(Outcome.GONE, false);
        }
        boolean slowDown = statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
        return new AttemptResult(Outcome.FAILED, slowDown);
    }
}
