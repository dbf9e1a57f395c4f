package io.recruitsuite.candidate.prospects;

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
 * A sourced person who has not applied. {@code name} is the display name made from the parts (what search matches);
 * {@code candidateId} is the candidate the prospect became, once converted. Changed only through {@link #change} and
 * {@link #convertedTo}.
 */
@Entity
@Table(name = "prospects")
public class Prospect implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String email;
    private String phone;
    private String source;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> tags;
    @Column(name = "linkedin_url")
    private String linkedinUrl;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "converted_at")
    private OffsetDateTime convertedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Prospect() {
    }

    public Prospect(String id, String organizationId, Details details, OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.createdAt = createdAt;
        change(details, createdAt);
    }

    /** The editable fields, checked ({@link ProspectService}). */
    public record Details(String name, String firstName, String lastName, String email, String phone, String source, List<String> tags,
                          String linkedinUrl) {
    }

    public Details details() {
        return new Details(name, firstName, lastName, email, phone, source, tags, linkedinUrl);
    }

    public void change(Details d, OffsetDateTime at) {
        this.name = d.name();
        this.firstName = d.firstName();
        this.lastName = d.lastName();
        this.email = d.email();
        this.phone = d.phone();
        this.source = d.source();
        this.tags = List.copyOf(d.tags());
        this.linkedinUrl = d.linkedinUrl();
        this.updatedAt = at;
    }

    public void convertedTo(String candidateId, OffsetDateTime at) {
        this.candidateId = candidateId;
        this.convertedAt = at;
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

    public String source() {
        return source;
    }

    public List<String> tags() {
        return tags;
    }

    public String linkedinUrl() {
        return linkedinUrl;
    }

    public String candidateId() {
        return candidateId;
    }

    public OffsetDateTime convertedAt() {
        return convertedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
