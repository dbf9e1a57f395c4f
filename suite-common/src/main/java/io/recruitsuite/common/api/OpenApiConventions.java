package io.recruitsuite.common.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every public operation of every service's OpenAPI document states, applied once here rather than
 * annotated on each resource: an operation id and a summary derived from the method and path (unless the
 * resource names them), the scope it requires as a security requirement of both credential kinds, every
 * error response with the envelope, and typed paging parameters. The gateway merges the services'
 * documents into docs/openapi.json (OpenApiDocumentTest).
 */
public class OpenApiConventions implements OASFilter {

    public static final String PUBLIC_PREFIX = "/api/v1";
    public static final String API_KEY = "apiKey";
    public static final String BEARER = "bearer";
    static final String ERROR_SCHEMA = "ErrorEnvelope";

    /** Operations whose path says too little for a derived name. */
    static final Map<String, String> NAMED = Map.of(
            "POST /api/v1/search", "searchCandidates",
            "POST /api/v1/search/feedback", "submitSearchFeedback",
            "POST /api/v1/candidates/upload", "uploadCandidateCv",
            "POST /api/v1/candidates/{id}/documents", "uploadCandidateDocument",
            "PUT /api/v1/pipeline/candidates/{candidateId}/move", "replacePipelineCandidateStage",
            "POST /api/v1/pipeline/candidates/{candidateId}/move", "movePipelineCandidate",
            "GET /api/v1/reports/applications/{id}", "getApplicationReport",
            "GET /api/v1/reports/pipeline", "getPipelineReport",
            "GET /api/v1/reports/time-to-hire", "getTimeToHireReport");

    /** The error statuses every public operation may answer, and what each means there. */
    static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("400", "validation_error: a parameter or body field is missing, malformed, of the wrong type or unknown (details name it)");
        m.put("401", "unauthorized: no credential, or one that is unknown, revoked or expired");
        m.put("403", "forbidden: the credential lacks the scope this operation requires");
        m.put("404", "not_found: no such resource in the caller's organization");
        m.put("429", "rate_limited: a rate limit or quota was reached; Retry-After says when to retry");
        m.put("500", "internal_error: a fault of ours; quote the requestId");
        m.put("503", "service_unavailable: a dependency is briefly unavailable; retry after Retry-After");
        return m;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getInfo() != null && api.getInfo().getLicense() == null) {
            api.getInfo().setLicense(OASFactory.createLicense().name("Proprietary").url("https://example.com/recruit-suite/terms"));
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().setSecuritySchemes(securitySchemes());
        api.getComponents().addSchema(ERROR_SCHEMA, errorSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(PUBLIC_PREFIX)) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                conventions(op.getKey().name(), path.getKey(), op.getValue());
            }
        }
    }

    static Map<String, SecurityScheme> securitySchemes() {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key (rsa_live_…) as `Authorization: Bearer <key>` (or `token <key>`), or a dashboard session token"));
        schemes.put(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key in the X-API-Key header"));
        return schemes;
    }

    static Schema errorSchema() {
        Schema detail = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("issue", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        Schema body = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addRequired("code").addRequired("message")
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("the X-Request-Id of the call"))
                .addProperty("details", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(detail)
                        .description("validation errors: one entry per wrong field"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).addRequired("error").addProperty("error", body)
                .description("The error envelope of every failed call");
    }

    static void conventions(String method, String path, Operation op) {
        if (op.getOperationId() == null || op.getOperationId().isBlank()) {
            op.setOperationId(NAMED.getOrDefault(method + " " + path, operationId(method, path)));
        }
        if (op.getSummary() == null || op.getSummary().isBlank()) {
            op.setSummary(summaryOf(op.getOperationId()));
        }
        // one tag per resource family (Candidates, Jobs, Webhooks…), the grouping of the docs UI and of generated clients
        String family = path.substring(PUBLIC_PREFIX.length()).split("/").length > 1 ? path.substring(PUBLIC_PREFIX.length()).split("/")[1] : "api";
        op.setTags(List.of(camel(family)));
        List<String> scopes = new ArrayList<>();
        if (op.getSecurity() != null) {
            for (SecurityRequirement requirement : op.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(list -> {
                        if (list != null) {
                            list.stream().filter(s -> s.contains(":")).forEach(scopes::add);
                        }
                    });
                }
            }
        }
        op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER, scopes),
                OASFactory.createSecurityRequirement().addScheme(API_KEY, scopes)));
        if (!scopes.isEmpty()) {
            op.addExtension("x-required-scopes", scopes);
            String needs = "Requires the scope " + String.join(" or ", scopes) + ".";
            op.setDescription(op.getDescription() == null ? needs : op.getDescription() + "\n\n" + needs);
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        for (Map.Entry<String, String> error : ERRORS.entrySet()) {
            if ("404".equals(error.getKey()) && !path.contains("{")) {
                continue;
            }
            if (responses.getAPIResponse(error.getKey()) == null) {
                responses.addAPIResponse(error.getKey(), errorResponse(error.getValue()));
            }
        }
        op.setResponses(responses);
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getIn() == Parameter.In.QUERY && ("page".equals(p.getName()) || "limit".equals(p.getName()))) {
                    Schema typed = OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ONE);
                    if ("limit".equals(p.getName())) {
                        typed.maximum(java.math.BigDecimal.valueOf(100)).defaultValue(20);
                    }
                    p.setSchema(typed);
                }
            }
        }
    }

    static APIResponse errorResponse(String description) {
        Content content = OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /**
     * {@code GET /api/v1/candidates} → listCandidates, {@code POST …/candidates/{id}/notes} → createCandidateNote,
     * {@code POST …/applications/{id}/reject} → rejectApplication, {@code POST …/webhooks/{id}/rotate-secret} → rotateWebhookSecret.
     */
    public static String operationId(String method, String path) {
        String[] segments = path.substring(PUBLIC_PREFIX.length()).split("/");
        List<String> words = new ArrayList<>();
        List<Boolean> followedByParameter = new ArrayList<>();
        boolean endsWithParameter = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("{")) {
                if (!followedByParameter.isEmpty()) {
                    followedByParameter.set(followedByParameter.size() - 1, true);
                }
                endsWithParameter = i == segments.length - 1;
                continue;
            }
            words.add(s);
            followedByParameter.add(false);
            endsWithParameter = false;
        }
        String last = words.isEmpty() ? "api" : words.get(words.size() - 1);
        boolean action = method.equals("POST") && !endsWithParameter && words.size() > 1 && followedByParameter.get(words.size() - 2)
                && !last.endsWith("s");
        StringBuilder object = new StringBuilder();
        int upTo = action ? words.size() - 1 : words.size();
        for (int i = 0; i < upTo; i++) {
            boolean singular = followedByParameter.get(i) || (i == upTo - 1 && !method.equals("GET")) || (i == upTo - 1 && endsWithParameter);
            object.append(camel(singular ? singular(words.get(i)) : words.get(i)));
        }
        if (action) {
            String[] verb = last.split("-");
            StringBuilder rest = new StringBuilder();
            for (int i = 1; i < verb.length; i++) {
                rest.append(camel(verb[i]));
            }
            return verb[0] + object + rest;
        }
        String prefix = switch (method) {
            case "GET" -> endsWithParameter ? "get" : "list";
            case "POST" -> "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
        return prefix + object;
    }

    static String summaryOf(String operationId) {
        StringBuilder out = new StringBuilder();
        for (char c : operationId.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String camel(String word) {
        StringBuilder out = new StringBuilder();
        for (String part : word.split("[-_]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
