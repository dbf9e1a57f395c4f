package io.recruitsuite.keys.limits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The stored overrides of one organization's windows; a null column keeps the plan's value. */
@Entity
@Table(name = "organization_limits")
public class OrganizationLimits {

    @Id
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "organization_per_minute")
    public Integer organizationPerMinute;
    @Column(name = "search_per_minute")
    public Integer searchPerMinute;
    @Column(name = "key_per_minute")
    public Integer keyPerMinute;
    @Column(name = "key_per_hour")
    public Integer keyPerHour;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public OrganizationLimits() {
    }

    public OrganizationLimits(String organizationId) {
        this.organizationId = organizationId;
    }

    public LimitOverrides overrides() {
        return new LimitOverrides(organizationPerMinute, searchPerMinute, keyPerMinute, keyPerHour);
    }

    public void replaceWith(LimitOverrides o) {
        organizationPerMinute = o.organizationPerMinute();
        searchPerMinute = o.searchPerMinute();
        keyPerMinute = o.keyPerMinute();
        keyPerHour = o.keyPerHour();
    }

    /** The overrides of a row that may not exist. */
    public static LimitOverrides overridesOf(OrganizationLimits row) {
        return row == null ? LimitOverrides.NONE : row.overrides();
    }

    @PrePersist
    @PreUpdate
    void touched() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
