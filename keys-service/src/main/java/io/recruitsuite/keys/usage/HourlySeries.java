package io.recruitsuite.keys.usage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hours without requests are not stored; a chart wants every hour of the range. */
final class HourlySeries {

    private HourlySeries() {
    }

    static List<HourlyUsageQueries.Hour> zeroFilled(List<HourlyUsageQueries.Hour> found, OffsetDateTime from, OffsetDateTime to) {
        Map<Long, HourlyUsageQueries.Hour> byHour = new HashMap<>();
        found.forEach(h -> byHour.put(h.hour().toEpochSecond(), h));
        List<HourlyUsageQueries.Hour> series = new ArrayList<>();
        for (OffsetDateTime hour = from; !hour.isAfter(to); hour = hour.plusHours(1)) {
            HourlyUsageQueries.Hour known = byHour.get(hour.toEpochSecond());
            series.add(known != null ? new HourlyUsageQueries.Hour(hour, known.requests(), known.errors())
                    : new HourlyUsageQueries.Hour(hour, 0, 0));
        }
        return series;
    }
}
