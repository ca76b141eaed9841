package io.nohold.region;

/** A service region: its reps, their backup order, and the supervisors of {@link #supervisorGroup()}. */
public record Region(String id, String name) {

    public String repGroup() {
        return "reps-" + id;
    }

    public String supervisorGroup() {
        return "supervisors-" + id;
    }

}
