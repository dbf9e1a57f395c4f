package io.recruitsuite.candidate.applications;

import java.util.List;

/** A candidate's place in the organization's pipelines, as CV documents carry it for search. */
public record PipelinePosition(String stage, List<String> jobIds) {

    public static final PipelinePosition NONE = new PipelinePosition(null, List.of());
}
