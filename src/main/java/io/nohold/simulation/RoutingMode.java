package io.nohold.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How contacts find a rep in a simulated run (docs/simulation.md, "Modes"). {@link #RINGS} is NoHold as it is; the
 * other two are the comparisons the rings are measured against, each a small, named change of how the desk is used,
 * with the models, tables and services left as they are.
 */
public enum RoutingMode {

    /** NoHold as it is: own rep, named backup after the personal window, the region's team after the promise. */
    @JsonProperty("rings")
    RINGS,

    /**
     * Every contact is offered to the region's team at once: right after intake the "Reach customer" task is given
     * back to the team (the TaskService call behind "unclaim"), and any rep of the region takes it, earliest deadline
     * first.
     */
    @JsonProperty("pooled")
    POOLED,

    /**
     * Each contact waits for the customer's own rep only: reps work nothing but their own customers' contacts, wherever
     * the rings have put them, so the fallbacks still fire in the engine but nobody else answers.
     */
    @JsonProperty("personal")
    PERSONAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<RoutingMode> parse(String id) {
        for (RoutingMode mode : values()) {
            if (mode.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return java.util.Optional.of(mode);
            }
        }
        return java.util.Optional.empty();
    }

}
