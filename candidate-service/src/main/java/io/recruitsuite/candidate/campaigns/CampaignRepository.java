package io.recruitsuite.candidate.campaigns;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.candidate.persistence.ScopedHql;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Campaigns, always within one organization. */
@ApplicationScoped
@WithSession
public class CampaignRepository extends OrganizationScopedRepository<Campaign> {

    public CampaignRepository() {
        super(Campaign.class);
    }

    public Uni<List<Campaign>> page(String organizationId, String status, int offset, int limit) {
        return list(organizationId, where(status), Keyset.ORDER, parameters(status), offset, limit);
    }

    public Uni<List<Campaign>> after(String organizationId, String status, Cursor cursor, int limit) {
        return list(organizationId, Keyset.and(where(status), Keyset.after(null, cursor)), Keyset.ORDER,
                Keyset.bind(parameters(status), cursor), 0, limit);
    }

    public Uni<Long> count(String organizationId, String status) {
        return count(organizationId, where(status), parameters(status));
    }

    /** Whether the organization has this job (its id alone, the job not loaded). */
    public Uni<Boolean> jobExists(String organizationId, String jobId) {
        return ScopedHql.single("select j.id from Job j" + ScopedHql.where("j", "j.id = :id"), String.class, organizationId,
                Parameters.with("id", jobId)).map(found -> found != null);
    }

    private static String where(String status) {
        return status == null ? null : "status = :status";
    }

    private static Parameters parameters(String status) {
        return status == null ? new Parameters() : Parameters.with("status", status);
    }
}
