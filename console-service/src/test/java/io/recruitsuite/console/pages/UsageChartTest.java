package io.recruitsuite.console.pages;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageChartTest {

    private static Map<String, Object> hour(String at, long requests, long errors) {
        return Map.of("hour", at, "requests", requests, "errors", errors);
    }

    @Test
    void barsScaleToTheBusiestHourAndErrorsStackInsideTheirRequests() {
        UsageChart chart = UsageChart.of(List.of(
                hour("2026-11-29T23:00:00Z", 10, 0),
                hour("2026-11-30T00:00:00Z", 40, 10),
                hour("2026-11-30T01:00:00Z", 0, 0)));
        assertEquals(40, chart.maxRequests());
        assertEquals(50, chart.totalRequests());
        assertEquals(10, chart.totalErrors());
        UsageChart.Bar busiest = chart.bars().get(1);
        assertEquals(chart.axisY(), busiest.requestsHeight(), 0.1, "the busiest hour fills the plot");
        assertEquals(busiest.requestsHeight() / 4, busiest.errorsHeight(), 0.1);
        assertEquals(busiest.requestsY() + busiest.requestsHeight(), busiest.errorsY() + busiest.errorsHeight(), 0.1,
                "errors sit at the bottom of their bar");
        assertEquals(0, chart.bars().get(2).requestsHeight());
        assertEquals(1, chart.ticks().size(), "a tick at midnight only");
        assertEquals("Mon 30 Nov", chart.ticks().get(0).label());
        // the table beside the chart: busy hours, newest first
        assertEquals(List.of("2026-11-30 00:00", "2026-11-29 23:00"), chart.busyHours().stream().map(UsageChart.Bar::label).toList());
    }

    @Test
    void anEmptyPeriodDrawsNothingAndNeverDividesByZero() {
        UsageChart chart = UsageChart.of(List.of(hour("2026-11-30T00:00:00Z", 0, 0)));
        assertEquals(0, chart.totalRequests());
        assertTrue(chart.busyHours().isEmpty());
        assertEquals(0, UsageChart.of(List.of()).bars().size());
    }

    @Test
    void moreErrorsThanRequestsAreDrawnAsNoMoreThanTheRequests() {
        UsageChart.Bar bar = UsageChart.of(List.of(hour("2026-11-30T05:00:00Z", 3, 9))).bars().get(0);
        assertEquals(3, bar.errors());
        assertEquals(bar.requestsHeight(), bar.errorsHeight(), 0.1);
    }
}
