package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.error.ApiException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Field and lifecycle rules of jobs, free of persistence so they can be tested alone. */
public final class JobRules {

    /** The salary column is numeric(14, 2): larger amounts, or finer ones, would not be stored as given. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    static final List<String> PERIODS = List.of("year", "month", "hour");
    static final List<String> REMOTE = List.of("onsite", "hybrid", "remote");

    /** A stage as a creator names it; {@code type} null means "infer it from the name". */
    public record StageSpec(String name, String type) {
    }

    /** A salary as a request gives it, amounts not yet checked. */
    public record SalaryInput(BigDecimal min, BigDecimal max, String currency, String period) {
    }

    private final JobsConfig limits;

    public JobRules(JobsConfig limits) {
        this.limits = limits;
    }

    public String title(String title) {
        if (title == null || title.isBlank()) {
            throw ApiException.validation("title: String must contain at least 1 character(s)");
        }
        if (title.length() > limits.maxTitle()) {
            throw ApiException.validation("title: at most " + limits.maxTitle() + " characters");
        }
        return title.strip();
    }

    public String description(String description) {
        return optional("description", description, limits.maxText());
    }

    /** Department, location, employment type: short optional labels. */
    public String field(String name, String value) {
        return optional(name, value, limits.maxField());
    }

    /** The stage names a new job starts with: the given ones in order, or the configured defaults. */
    public List<String> stages(List<String> names) {
        return stages("stages", names);
    }

    /** As {@link #stages(List)}, the errors naming {@code field} (a campaign's pipeline template is checked as a job's stages). */
    public List<String> stages(String field, List<String> names) {
        if (names == null) {
            return List.copyOf(limits.defaultStages());
        }
        if (names.isEmpty() || names.size() > limits.maxStages()) {
            throw ApiException.validation(field + ": between 1 and " + limits.maxStages() + " stages");
        }
        List<String> out = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || name.length() > limits.maxStageName()) {
                throw ApiException.validation(field + ": each stage name must be 1 to " + limits.maxStageName() + " characters");
            }
            String n = name.strip();
            // the stage filters match names case-insensitively, so two stages must differ by more than case
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw ApiException.validation(field + ": duplicate stage name '" + n + "'");
            }
            out.add(n);
        }
        return out;
    }

    /** A job's pipeline: the given stages in order, each typed as given or by its name, or the configured defaults. */
    public List<Stage> pipeline(String organizationId, String jobId, List<StageSpec> specs, java.util.function.Supplier<String> ids) {
        List<StageSpec> typed = template("stages", specs);
        List<Stage> out = new ArrayList<>(typed.size());
        for (int i = 0; i < typed.size(); i++) {
            out.add(new Stage(ids.get(), organizationId, jobId, typed.get(i).name(), i, StageType.parse("stages[" + i + "].type", typed.get(i).type())));
        }
        return out;
    }

    /**
     * Stages as given (the configured defaults when {@code specs} is null), checked, each with its type as given or
     * inferred from its name; the errors name {@code field}.
     */
    public List<StageSpec> template(String field, List<StageSpec> specs) {
        List<String> names = stages(field, specs == null ? null : specs.stream().map(StageSpec::name).toList());
        List<StageSpec> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String given = specs == null ? null : specs.get(i).type();
            StageType type = given == null ? StageType.inferred(names.get(i)) : StageType.parse(field + "[" + i + "].type", given);
            out.add(new StageSpec(names.get(i), type.wire()));
        }
        return out;
    }

    /** Null clears the salary; otherwise a currency and at least one bound, bounds from 0 with min at most max. */
    public Salary salary(SalaryInput input) {
        if (input == null) {
            return null;
        }
        if (input.min() == null && input.max() == null) {
            throw ApiException.validation("salary: give min, max or both");
        }
        BigDecimal min = amount("salary.min", input.min());
        BigDecimal max = amount("salary.max", input.max());
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ApiException.validation("salary.min: must not exceed salary.max");
        }
        String currency = input.currency();
        if (currency == null || currency.isBlank()) {
            throw ApiException.validation("salary.currency: required (an ISO 4217 code such as USD)");
        }
        if (!currency.matches("[A-Z]{3}") || Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            throw ApiException.validation("salary.currency: not an ISO 4217 currency code (three capital letters such as USD, EUR, NGN)");
        }
        String period = input.period() == null ? "year" : input.period();
        if (!PERIODS.contains(period)) {
            throw ApiException.validation("salary.period: must be one of " + String.join(", ", PERIODS));
        }
        return new Salary(min, max, currency, period);
    }

    public String remote(String value) {
        if (value == null) {
            return null;
        }
        if (!REMOTE.contains(value)) {
            throw ApiException.validation("remote: must be one of " + String.join(", ", REMOTE));
        }
        return value;
    }

    /** Absent means one opening. */
    public int openings(Integer value) {
        if (value == null) {
            return 1;
        }
        if (value < 1 || value > limits.maxOpenings()) {
            throw ApiException.validation("openings: must be between 1 and " + limits.maxOpenings());
        }
        return value;
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw ApiException.validation(field + ": must be an amount from 0 to " + MAX_AMOUNT.toPlainString() + " with at most 2 decimals");
        }
        return value.setScale(2);
    }

    /**
     * The job after a status change. A published job cannot go back to draft (its postings and
     * applications exist); a closed job may be published again, which clears its closing time.
     */
    public Job withStatus(Job job, JobStatus next, OffsetDateTime now) {
        if (next == job.status()) {
            return job;
        }
        if (next == JobStatus.DRAFT) {
            throw ApiException.validation("status: a " + job.status().wire() + " job cannot return to draft");
        }
        OffsetDateTime publishedAt = job.publishedAt() == null && next == JobStatus.PUBLISHED ? now : job.publishedAt();
        OffsetDateTime closedAt = next == JobStatus.CLOSED ? now : null;
        return new Job(job.id(), job.organizationId(), job.title(), job.description(), job.department(), job.location(),
                job.employmentType(), next, publishedAt, closedAt, job.createdAt(), job.updatedAt()).withTerms(job.terms());
    }

    private static String optional(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.validation(name + ": at most " + max + " characters");
        }
        return value.strip();
    }
}
