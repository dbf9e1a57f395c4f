package io.recruitsuite.candidate.applications;

import java.util.List;

/** An application as it is read: with its stage's name, the candidate's contact details and the stage history. */
public record ApplicationDetail(Application application, String stageName, Contact candidate, List<StageVisit> history) {

    public record Contact(String id, String name, String email, String phone) {
    }

    public ApplicationDetail withHistory(List<StageVisit> visits) {
        return new ApplicationDetail(application, stageName, candidate, visits);
    }
}
