package io.recruitsuite.common.api;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.common.error.KnownNames;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the operation does not declare is refused (400 validation_error naming it, and
 * the closest declared name when one is close), instead of being silently ignored: a misspelt filter
 * such as {@code ?job_posting_id=} would otherwise return every record of the organization. The
 * declared names are read once per resource method from its {@code @QueryParam}/{@code @RestQuery}
 * parameters (and those of its {@code @BeanParam}s).
 */
public class StrictParameters {

    private final ConcurrentHashMap<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownQueryParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        var given = request.getUriInfo().getQueryParameters().keySet();
        if (given.isEmpty()) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, StrictParameters::declaredNames);
        List<ErrorEnvelope.Detail> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!known.contains(name)) {
                String closest = KnownNames.closest(name, known);
                unknown.add(new ErrorEnvelope.Detail(name, "unknown query parameter" + (closest == null ? "" : "; did you mean '" + closest + "'?")));
            }
        }
        if (!unknown.isEmpty()) {
            String names = String.join("', '", unknown.stream().map(ErrorEnvelope.Detail::field).toList());
            String accepted = known.isEmpty() ? "this operation takes no query parameters" : "accepted: " + String.join(", ", known);
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Unknown query parameter '" + names + "' (" + accepted + ")", unknown);
        }
    }

    static Set<String> declaredNames(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            addName(names, parameter.getAnnotation(QueryParam.class), parameter.getAnnotation(RestQuery.class), parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        addName(names, field.getAnnotation(QueryParam.class), field.getAnnotation(RestQuery.class), field.getName());
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    private static void addName(Set<String> names, QueryParam query, RestQuery restQuery, String implicitName) {
        if (query != null) {
            names.add(query.value());
        } else if (restQuery != null) {
            names.add(restQuery.value().isEmpty() ? implicitName : restQuery.value());
        }
    }
}
