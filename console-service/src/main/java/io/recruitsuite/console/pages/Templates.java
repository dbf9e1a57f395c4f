package io.recruitsuite.console.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The console's pages (src/main/resources/templates/). The API's answers reach them as maps and lists, read by name
 * in the templates, so a field the API adds needs no Java change here.
 */
@ApplicationScoped
public class Templates {

    @Inject
    Template overview;
    @Inject
    Template keys;
    @Inject
    @Location("key-created")
    Template keyCreated;
    @Inject
    @Location("key-revoke")
    Template keyRevoke;
    @Inject
    Template webhooks;
    @Inject
    Template webhook;
    @Inject
    @Location("webhook-secret")
    Template webhookSecret;
    @Inject
    Template delivery;
    @Inject
    Template search;
    @Inject
    Template candidates;
    @Inject
    Template candidate;
    @Inject
    Template error;

    public TemplateInstance overview(Shell shell, Map<String, Object> account, String accountProblem, UsageChart chart,
                                     String usageProblem) {
        return overview.data("shell", shell).data("account", account).data("accountProblem", accountProblem)
                .data("chart", chart).data("usageProblem", usageProblem);
    }

    public TemplateInstance keys(Shell shell, List<Map<String, Object>> list, String problem, List<String> scopes, String notice) {
        return keys.data("shell", shell).data("keys", list).data("problem", problem).data("scopes", scopes).data("notice", notice);
    }

    public TemplateInstance keyCreated(Shell shell, Map<String, Object> key) {
        return keyCreated.data("shell", shell).data("key", key);
    }

    public TemplateInstance keyRevoke(Shell shell, Map<String, Object> key) {
        return keyRevoke.data("shell", shell).data("key", key);
    }

    public TemplateInstance webhooks(Shell shell, List<Map<String, Object>> endpoints, String problem, List<String> events) {
        return webhooks.data("shell", shell).data("endpoints", endpoints).data("problem", problem).data("events", events);
    }

    public TemplateInstance webhook(Shell shell, Map<String, Object> endpoint, List<DeliveryRow> deliveries, String problem,
                                    List<String> events, String notice) {
        return webhook.data("shell", shell).data("endpoint", endpoint).data("deliveries", deliveries).data("problem", problem)
                .data("events", events).data("notice", notice);
    }

    public TemplateInstance webhookSecret(Shell shell, Map<String, Object> endpoint) {
        return webhookSecret.data("shell", shell).data("endpoint", endpoint);
    }

    public TemplateInstance delivery(Shell shell, String endpointId, Map<String, Object> found, String problem) {
        return delivery.data("shell", shell).data("endpointId", endpointId).data("delivery", found).data("problem", problem);
    }

    public TemplateInstance search(Shell shell, SearchForm form, List<Map<String, Object>> results, String problem, boolean searched) {
        return search.data("shell", shell).data("form", form).data("results", results).data("problem", problem)
                .data("searched", searched);
    }

    public TemplateInstance candidates(Shell shell, List<Map<String, Object>> list, Map<String, Object> meta, String problem,
                                       int page, String query) {
        return candidates.data("shell", shell).data("candidates", list).data("meta", meta).data("problem", problem)
                .data("page", page).data("query", query);
    }

    public TemplateInstance candidate(Shell shell, Map<String, Object> found, List<Map<String, Object>> applications, String problem) {
        return candidate.data("shell", shell).data("candidate", found).data("applications", applications).data("problem", problem);
    }

    public TemplateInstance error(Shell shell, String problem, String back) {
        return error.data("shell", shell).data("problem", problem).data("back", back);
    }
}
