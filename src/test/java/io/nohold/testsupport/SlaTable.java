package io.nohold.testsupport;

import java.time.Duration;
import java.time.Instant;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.casefile.Channel;
import io.nohold.directory.RegionCalendars;
import io.nohold.lifecycle.SlaPolicies;
import io.nohold.sla.SlaHours;
import io.nohold.sla.SlaPolicy;
import org.springframework.stereotype.Component;

/**
 * The deployed SLA policy table and the region calendars, as the tests read them: a test asks for the row of its
 * contact and counts its windows on the region's calendar instead of repeating the table's numbers, so a designer who
 * changes a cell of {@code sla-policy.dmn} changes only the table.
 */
@Component
public class SlaTable {

    private final SlaPolicies policies;

    private final RegionCalendars calendars;

    SlaTable(SlaPolicies policies, RegionCalendars calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    public SlaPolicy row(String channel, String tier, boolean publicPost) {
        return policies.policy(Channel.valueOf(channel), tier, publicPost);
    }

    public SlaPolicy row(String channel) {
        return row(channel, "STANDARD", false);
    }

    /** When a window counted in the region's business hours from {@code from} runs out. */
    public Instant due(String regionId, Instant from, Duration window) {
        return due(regionId, from, window, SlaHours.BUSINESS_HOURS);
    }

    public Instant due(String regionId, Instant from, Duration window, SlaHours hours) {
        BusinessCalendar calendar = calendars.businessCalendar(regionId, from);
        if (hours == SlaHours.ALL_HOURS) {
            calendar = BusinessCalendar.alwaysOpen(calendar.zone());
        }
        return calendar.plusBusinessTime(from, window);
    }

}
