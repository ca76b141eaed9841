package io.nohold.sla;

/** Which hours a policy's windows count: a designer's choice per row of {@code sla-policy.dmn}. */
public enum SlaHours {

    /** Only the region's opening hours count; nights, weekends, holidays and closed dates do not. */
    BUSINESS_HOURS,

    /** Every hour counts, e.g. for a public post that everyone can read around the clock. */
    ALL_HOURS

}
