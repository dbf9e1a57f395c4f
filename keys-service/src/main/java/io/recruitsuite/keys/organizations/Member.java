package io.recruitsuite.keys.organizations;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A user of the dashboard in one organization, with a role. */
@Entity
@Table(name = "members")
@IdClass(Member.Key.class)
public class Member implements OrganizationOwned {

    public static final List<String> ROLES = List.of("owner", "admin", "member");

    @Id
    @Column(name = "organization_id")
    public String organizationId;
    @Id
    @Column(name = "user_id")
    public String userId;
    public String role;
    /** Lower-cased; a person whose OpenID provider vouches for this address signs in as this member. */
    public String email;
    /** The OpenID provider's subject of this person, when the operator knows it. */
    @Column(name = "identity_subject")
    public String identitySubject;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public record Key(String organizationId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public Member() {
    }

    public Member(String organizationId, String userId, String role) {
        this.organizationId = organizationId;
        this.userId = userId;
        this.role = role;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public boolean canManageKeys() {
        return "owner".equals(role) || "admin".equals(role);
    }

    @PrePersist
    void created() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
