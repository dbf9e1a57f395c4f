package io.recruitsuite.candidate.candidates;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A candidate of one organization. Read through record-style accessors; changed only through
 * {@link #change}, so every write goes through the entity (and Hibernate's dirty tracking).
 */
@Entity
@Table(name = "candidates")
public class Candidate implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    private String email;
    private String phone;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> tags;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;

    protected Candidate() {
    }

    public Candidate(String id, String organizationId, String name, String firstName, String lastName, String email, String phone,
                     List<String> tags, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(id, organizationId, name, email, phone, tags, createdAt, updatedAt);
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public Candidate(String id, String organizationId, String name, String email, String phone, List<String> tags,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.tags = List.copyOf(tags);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** The new parts of the name; {@link #change} stamps the change. */
    public void rename(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    /** The new values of the editable fields, stamped with {@code at}. */
    public void change(String name, String email, String phone, List<String> tags, OffsetDateTime at) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.tags = List.copyOf(tags);
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public List<String> tags() {
        return tags;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
