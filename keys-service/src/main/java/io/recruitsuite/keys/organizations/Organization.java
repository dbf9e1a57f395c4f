package io.recruitsuite.keys.organizations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A customer organization: the tenant every other aggregate belongs to, and its plan. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    public String id;
    public String name;
    public String plan;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @JsonIgnore
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public Organization() {
    }

    public Organization(String id, String name, String plan) {
        this.id = id;
        this.name = name;
        this.plan = plan;
    }

    @PrePersist
    void created() {
        // PostgreSQL keeps microseconds: what the API answers at creation equals what it reads later
        createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
