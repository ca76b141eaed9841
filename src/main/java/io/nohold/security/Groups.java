package io.nohold.security;

/** The groups NoHold's permissions are built on. Reps are in {@code reps-<region>}, supervisors in {@code supervisors-<region>}. */
public final class Groups {

    public static final String HEAD_OF_SERVICE = "head-of-service";

    /** Channel adapters. Not a Camunda group: channels are not Camunda users and authenticate with API keys. */
    public static final String CHANNELS = "channels";

    /** Who may read metrics and the Prometheus endpoint. */
    public static final String MONITORING = "monitoring";

    public static final String ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    public static final String REPS_PREFIX = "reps-";

    public static final String SUPERVISORS_PREFIX = "supervisors-";

    private Groups() {
    }

    /** One of the groups NoHold manages: a region's reps or supervisors, head of service, the channels. */
    public static boolean isNoHold(String groupId) {
        return groupId != null && (groupId.startsWith(REPS_PREFIX) || groupId.startsWith(SUPERVISORS_PREFIX)
                || groupId.equals(HEAD_OF_SERVICE) || groupId.equals(CHANNELS));
    }

    public static String reps(String regionId) {
        return REPS_PREFIX + regionId;
    }

    public static String supervisors(String regionId) {
        return SUPERVISORS_PREFIX + regionId;
    }

}
