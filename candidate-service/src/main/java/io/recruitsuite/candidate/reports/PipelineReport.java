package io.recruitsuite.candidate.reports;

import io.recruitsuite.candidate.jobs.Stage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's pipeline, stage by stage, computed from the stage history of its applications:
 * <ul>
 * <li>{@code entered}: applications that were ever in the stage;</li>
 * <li>{@code active}: active applications in it now;</li>
 * <li>{@code movedOn}: applications that left it for another stage;</li>
 * <li>{@code rejected}: applications rejected while in it;</li>
 * <li>{@code conversion}: movedOn / entered (null for the last stage, which leads nowhere, and for a stage nobody entered);</li>
 * <li>{@code medianDaysInStage}: the median of the finished stays in it (moved on or rejected), in days.</li>
 * </ul>
 */
public final class PipelineReport {

    private PipelineReport() {
    }

    /** One row of the stage history with its application's status. */
    public record Visit(String applicationId, String stageId, OffsetDateTime startedAt, OffsetDateTime completedAt, boolean rejected) {
    }

    public record StageRow(String stageId, String name, String type, int position, long entered, long active, long movedOn,
                           long rejected, Double conversion, Double medianDaysInStage) {
    }

    /** {@code visits} in each application's order (by start); {@code stages} in pipeline order. */
    public static List<StageRow> compute(List<Stage> stages, List<Visit> visits) {
        Map<String, List<Visit>> byApplication = new LinkedHashMap<>();
        for (Visit v : visits) {
            byApplication.computeIfAbsent(v.applicationId(), k -> new ArrayList<>()).add(v);
        }
        Map<String, Set<String>> entered = new HashMap<>();
        Map<String, Set<String>> active = new HashMap<>();
        Map<String, Set<String>> movedOn = new HashMap<>();
        Map<String, Set<String>> rejected = new HashMap<>();
        Map<String, List<Double>> stays = new HashMap<>();
        for (var e : byApplication.entrySet()) {
            List<Visit> history = e.getValue();
            for (int i = 0; i < history.size(); i++) {
                Visit v = history.get(i);
                String app = e.getKey();
                entered.computeIfAbsent(v.stageId(), k -> new HashSet<>()).add(app);
                boolean last = i == history.size() - 1;
                if (!last) {
                    movedOn.computeIfAbsent(v.stageId(), k -> new HashSet<>()).add(app);
                } else if (v.rejected()) {
                    rejected.computeIfAbsent(v.stageId(), k -> new HashSet<>()).add(app);
                } else if (v.completedAt() == null) {
                    active.computeIfAbsent(v.stageId(), k -> new HashSet<>()).add(app);
                }
                if (v.completedAt() != null) {
                    stays.computeIfAbsent(v.stageId(), k -> new ArrayList<>()).add(ReportMath.days(v.startedAt(), v.completedAt()));
                }
            }
        }
        List<StageRow> rows = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            long in = size(entered, s.id());
            long on = size(movedOn, s.id());
            boolean lastStage = i == stages.size() - 1;
            rows.add(new StageRow(s.id(), s.name(), s.type().wire(), s.position(), in, size(active, s.id()), on, size(rejected, s.id()),
                    lastStage ? null : ReportMath.rate(on, in), ReportMath.percentile(stays.getOrDefault(s.id(), List.of()), 0.5)));
        }
        return rows;
    }

    private static long size(Map<String, Set<String>> counts, String stageId) {
        Set<String> apps = counts.get(stageId);
        return apps == null ? 0 : apps.size();
    }
}
