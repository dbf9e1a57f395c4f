package io.recruitsuite.console.pages;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests and error answers per hour as an SVG bar chart drawn on the server (no script, nothing from elsewhere):
 * each hour a bar of requests with its errors stacked at the bottom in a hatched pattern, so errors do not depend on
 * colour to be seen. The same numbers are offered as a table beside it.
 */
public record UsageChart(List<Bar> bars, List<Tick> ticks, long maxRequests, long totalRequests, long totalErrors,
                         int width, int height) {

    public static final int WIDTH = 840;
    public static final int HEIGHT = 200;
    private static final int AXIS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00", Locale.ENGLISH);

    /** One hour: its bar's position and the heights of its requests and errors, all in chart units. */
    public record Bar(String label, long requests, long errors, double x, double width, double requestsY, double requestsHeight,
                      double errorsY, double errorsHeight) {
    }

    /** A day boundary on the time axis. */
    public record Tick(String label, double x) {
    }

    /** {@code hours}: the API's zero-filled hours ({@code hour}, {@code requests}, {@code errors}), oldest first. */
    public static UsageChart of(List<Map<String, Object>> hours) {
        long max = 1;
        long totalRequests = 0;
        long totalErrors = 0;
        for (Map<String, Object> h : hours) {
            max = Math.max(max, number(h.get("requests")));
            totalRequests += number(h.get("requests"));
            totalErrors += number(h.get("errors"));
        }
        double plot = HEIGHT - AXIS;
        double slot = hours.isEmpty() ? WIDTH : (double) WIDTH / hours.size();
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Map<String, Object> h = hours.get(i);
            long requests = number(h.get("requests"));
            long errors = Math.min(requests, number(h.get("errors")));
            double requestsHeight = plot * requests / max;
            double errorsHeight = plot * errors / max;
            double x = i * slot;
            OffsetDateTime at = OffsetDateTime.parse(String.valueOf(h.get("hour")));
            bars.add(new Bar(HOUR.format(at), requests, errors, round(x), round(Math.max(1, slot * 0.8)),
                    round(plot - requestsHeight), round(requestsHeight), round(plot - errorsHeight), round(errorsHeight)));
            if (at.getHour() == 0) {
                ticks.add(new Tick(DAY.format(at), round(x)));
            }
        }
        return new UsageChart(bars, ticks, max, totalRequests, totalErrors, WIDTH, HEIGHT);
    }

    public double axisY() {
        return HEIGHT - AXIS;
    }

    public double labelY() {
        return HEIGHT - 4;
    }

    /** The hours that had any request, newest first: the table beside the chart. */
    public List<Bar> busyHours() {
        List<Bar> busy = new ArrayList<>(bars.stream().filter(b -> b.requests() > 0).toList());
        java.util.Collections.reverse(busy);
        return busy;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
