package io.recruitsuite.candidate.jobs;

import java.math.BigDecimal;

/** A job's pay: the range in {@code currency} (ISO 4217) per {@code period} (year, month or hour); either bound may be open. */
public record Salary(BigDecimal min, BigDecimal max, String currency, String period) {
}
