package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateInstance;
import io.recruitsuite.common.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API keys: the list, creating one (its secret shown once), revoking one after a confirmation. */
@Path("/console/keys")
@Produces(MediaType.TEXT_HTML)
public class KeysPage extends Page {

    @GET
    public Uni<RestResponse<TemplateInstance>> list(@QueryParam("notice") String notice) {
        return render("keys", (shell, member) -> api.get(member, "/api/v1/keys")
                .map(answer -> templates.keys(shell, answer.list(), answer.problem(), Scopes.PUBLIC, Notices.of(notice))));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<RestResponse<TemplateInstance>> create(@RestForm String name, @RestForm List<String> scopes,
                                                      @RestForm String expiresOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", scopes == null ? List.of() : scopes);
        if (expiresOn != null && !expiresOn.isBlank()) {
            try {
                // the key works through the chosen day (UTC)
                body.put("expiresAt", LocalDate.parse(expiresOn).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString());
            } catch (DateTimeParseException e) {
                body.put("expiresAt", expiresOn);
            }
        }
        return current.membership().chain(member -> api.post(member, "/api/v1/keys", body).map(answer -> {
            Shell shell = new Shell("keys", current.displayName(), member);
            return answer.ok() ? RestResponse.ok(templates.keyCreated(shell, answer.object())) : refused(shell, answer, "/console/keys");
        }));
    }

    @GET
    @Path("/{prefix}/revoke")
    public Uni<RestResponse<TemplateInstance>> confirmRevoke(@PathParam("prefix") String prefix) {
        return render("keys", (shell, member) -> api.get(member, "/api/v1/keys").map(answer -> {
            Map<String, Object> key = answer.list().stream().filter(k -> prefix.equals(k.get("prefix"))).findFirst()
                    .orElse(Map.of("prefix", prefix));
            return templates.keyRevoke(shell, key);
        }));
    }

    @POST
    @Path("/{prefix}/revoke")
    public Uni<RestResponse<TemplateInstance>> revoke(@PathParam("prefix") String prefix) {
        return current.membership().chain(member -> api.delete(member, "/api/v1/keys/" + encode(prefix)).map(answer -> {
            Shell shell = new Shell("keys", current.displayName(), member);
            return answer.ok() ? RestResponse.<TemplateInstance>seeOther(java.net.URI.create("/console/keys?notice=revoked"))
                    : refused(shell, answer, "/console/keys");
        }));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
