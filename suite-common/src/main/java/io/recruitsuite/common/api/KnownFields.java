package io.recruitsuite.common.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.common.error.KnownNames;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The unknown-field rule for bodies read as a JSON tree (patches, where an absent field and a null
 * one mean different things): typed bodies get it from the strict ObjectMapper, these from here.
 */
public final class KnownFields {

    private KnownFields() {
    }

    /** Refuses {@code body} when it holds a top-level field outside {@code known}, naming each one. */
    public static void require(ObjectNode body, Set<String> known) {
        List<ErrorEnvelope.Detail> unknown = new ArrayList<>();
        Set<String> given = new TreeSet<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            given.add(names.next());
        }
        for (String name : given) {
            if (!known.contains(name)) {
                String closest = KnownNames.closest(name, known);
                unknown.add(new ErrorEnvelope.Detail(name, "unknown field" + (closest == null ? "" : "; did you mean '" + closest + "'?")));
            }
        }
        if (!unknown.isEmpty()) {
            String names = String.join("', '", unknown.stream().map(ErrorEnvelope.Detail::field).toList());
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Unknown field '" + names + "' in the request body (accepted: "
                    + String.join(", ", new TreeSet<>(known)) + ")", unknown);
        }
    }
}
