package io.recruitsuite.keys.api;

import io.quarkus.security.Authenticated;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.keys.account.AccountService;
import io.recruitsuite.keys.account.AccountView;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/account}: any valid API key, whatever its scopes, reads its own organization's account. It
 * holds nothing secret and nothing of candidates, and an integrator needs it to pace itself.
 */
@Path("/api/v1/account")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Caller caller;
    @Inject
    AccountService accounts;

    @GET
    @Operation(operationId = "getAccount", summary = "The calling key's account, limits and usage",
            description = "Any valid API key, whatever its scopes. The key's organization (id and name), plan and the key itself; "
                    + "the rate-limit windows its requests count against (name as in RateLimit-Policy and a 429, size, period, "
                    + "counted per organization or per key, on all routes or on search only, and whether the size is the default, "
                    + "the plan's or set for the organization); the requests of this calendar month (UTC) against the plan's quota "
                    + "(counted from the gateways' usage reports, up to about ten seconds behind); the active keys against the plan's "
                    + "maximum. A null quota, remaining or max means unlimited.")
    public Uni<Envelope<AccountView>> get() {
        return accounts.account(caller.organizationId(), caller.keyPrefix()).map(Envelope::of);
    }
}
