package io.nohold.engineapi;

import static io.nohold.engineapi.EngineDoors.Who.COCKPIT_READER;
import static io.nohold.engineapi.EngineDoors.Who.EVERYONE;
import static io.nohold.engineapi.EngineDoors.Who.SIGNED_IN;
import static io.nohold.engineapi.EngineDoors.Who.THEMSELVES;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine's two REST surfaces answer to anyone but an administrator: one row per call that the Camunda
 * Tasklist (with NoHold's Camunda Forms), the user's own profile and, for supervisors and head of service, a
 * read-only Cockpit make. Every other call is refused before the engine sees it. Paths are relative to the engine:
 * {@code /task/{id}/claim} stands for {@code /engine-rest/task/{id}/claim},
 * {@code /engine-rest/engine/default/task/{id}/claim} and {@code /camunda/api/engine/engine/default/task/{id}/claim};
 * {@code /engine} is the list of engines.
 * <p>
 * Passing this door is not permission: the engine's authorizations still decide what the caller may read or do on
 * each task, definition or instance. The door only keeps whole kinds of operations (jobs, messages, deployments,
 * identity, ...) away from people who never need them, so that a gap in the engine's own checks, or an engine check
 * that changes something before it refuses, cannot be reached by them.
 * <p>
 * Placeholders: {@code {id}} is one path segment that is not one of the engine's fixed words (count, statistics,
 * key, create, ...), so a row for {@code /process-definition/{id}} does not open {@code /process-definition/statistics};
 * {@code {self}} is the caller's own user id; {@code /**} at the end is any further path (only on reads).
 * To open a call, add a row here and a test in {@code EngineDoorsTests} that shows who needs it.
 */
final class EngineDoors {

    /** Who, besides administrators, may make a call. */
    enum Who {
        /** Also callers without a session (the webapps' login page lists the engines). */
        EVERYONE,
        /** Any signed-in user: reps, supervisors, head of service, channels. */
        SIGNED_IN,
        /** Supervisors of any region and head of service: Cockpit, read only. */
        COCKPIT_READER,
        /** A signed-in user on their own user id ({@code {self}}). */
        THEMSELVES
    }

    record Door(String method, String path, Who who, Pattern pattern) {

        Door(String method, String path, Who who) {
            this(method, path, who, compile(path));
        }

    }

    // @formatter:off
    static final List<Door> DOORS = List.of(
        // the engines (Tasklist start page and login)
        door("GET",     "/engine",                               EVERYONE),

        // Tasklist: filters and the task list
        door("GET",     "/filter",                               SIGNED_IN),
        door("GET",     "/filter/count",                         SIGNED_IN),
        door("OPTIONS", "/filter",                               SIGNED_IN),
        door("GET",     "/filter/{id}",                          SIGNED_IN),
        door("OPTIONS", "/filter/{id}",                          SIGNED_IN),
        door("GET",     "/filter/{id}/list",                     SIGNED_IN),
        door("POST",    "/filter/{id}/list",                     SIGNED_IN),   // a query: the body holds sorting and variables to show
        door("GET",     "/filter/{id}/count",                    SIGNED_IN),
        door("POST",    "/filter/{id}/count",                    SIGNED_IN),
        door("GET",     "/task",                                 SIGNED_IN),
        door("POST",    "/task",                                 SIGNED_IN),   // a query
        door("GET",     "/task/count",                           SIGNED_IN),
        door("POST",    "/task/count",                           SIGNED_IN),   // a query

        // Tasklist: one task, its Camunda Form and what a holder does with it
        door("GET",     "/task/{id}",                            SIGNED_IN),
        door("GET",     "/task/{id}/form",                       SIGNED_IN),
        door("GET",     "/task/{id}/deployed-form",              SIGNED_IN),
        door("GET",     "/task/{id}/rendered-form",              SIGNED_IN),
        door("GET",     "/task/{id}/form-variables",             SIGNED_IN),
        door("POST",    "/task/{id}/claim",                      SIGNED_IN),
        door("POST",    "/task/{id}/unclaim",                    SIGNED_IN),
        // completing takes only the form's fields (desk.TaskFormPlugin, in the engine)
        door("POST",    "/task/{id}/submit-form",                SIGNED_IN),
        door("POST",    "/task/{id}/complete",                   SIGNED_IN),
        door("POST",    "/task/{id}/resolve",                    SIGNED_IN),
        door("POST",    "/task/{id}/bpmnError",                  SIGNED_IN),
        door("POST",    "/task/{id}/bpmnEscalation",             SIGNED_IN),
        door("GET",     "/task/{id}/comment",                    SIGNED_IN),
        door("GET",     "/task/{id}/comment/{id}",               SIGNED_IN),
        door("POST",    "/task/{id}/comment/create",             SIGNED_IN),
        door("GET",     "/task/{id}/identity-links",             SIGNED_IN),
        // the task header's assignee, groups and dates: the engine allows them only with UPDATE on the task, which
        // head of service has and reps and supervisors (TASK_WORK) have not
        door("POST",    "/task/{id}/assignee",                   SIGNED_IN),
        door("POST",    "/task/{id}/delegate",                   SIGNED_IN),
        door("POST",    "/task/{id}/identity-links",             SIGNED_IN),
        door("POST",    "/task/{id}/identity-links/delete",      SIGNED_IN),
        door("PUT",     "/task/{id}",                            SIGNED_IN),
        // the task's History tab
        door("GET",     "/history/user-operation",               SIGNED_IN),
        door("GET",     "/history/user-operation/count",         SIGNED_IN),
        // the task's Diagram tab and the definitions the engine lets the caller read (never their start forms)
        door("GET",     "/process-definition",                   SIGNED_IN),
        door("GET",     "/process-definition/count",             SIGNED_IN),
        door("GET",     "/process-definition/{id}",              SIGNED_IN),
        door("GET",     "/process-definition/{id}/xml",          SIGNED_IN),

        // names of people in the Tasklist, and one's own password in the Admin app's profile page
        door("GET",     "/user/{id}/profile",                    SIGNED_IN),
        door("OPTIONS", "/user/{self}",                          THEMSELVES),
        door("PUT",     "/user/{self}/credentials",              THEMSELVES),  // the engine asks for the current password

        // Cockpit, read only, for supervisors and head of service (the engine shows them what their grants allow)
        door("GET",     "/process-definition/**",                COCKPIT_READER),
        door("GET",     "/process-instance",                     COCKPIT_READER),
        door("GET",     "/process-instance/**",                  COCKPIT_READER),
        door("POST",    "/process-instance",                     COCKPIT_READER), // a query
        door("POST",    "/process-instance/count",               COCKPIT_READER), // a query
        door("GET",     "/history/**",                           COCKPIT_READER),
        door("POST",    "/history/process-instance",             COCKPIT_READER), // the history queries
        door("POST",    "/history/process-instance/count",       COCKPIT_READER),
        door("POST",    "/history/task",                         COCKPIT_READER),
        door("POST",    "/history/task/count",                   COCKPIT_READER),
        door("POST",    "/history/variable-instance",            COCKPIT_READER),
        door("POST",    "/history/variable-instance/count",      COCKPIT_READER),
        door("GET",     "/task/**",                              COCKPIT_READER),
        door("GET",     "/incident",                             COCKPIT_READER),
        door("GET",     "/incident/**",                          COCKPIT_READER),
        door("GET",     "/variable-instance",                    COCKPIT_READER),
        door("GET",     "/variable-instance/**",                 COCKPIT_READER),
        door("POST",    "/variable-instance",                    COCKPIT_READER), // a query
        door("POST",    "/variable-instance/count",              COCKPIT_READER), // a query
        // Cockpit's dashboard counts decisions, cases and deployments; the engine shows only what may be read
        door("GET",     "/decision-definition",                  COCKPIT_READER),
        door("GET",     "/decision-definition/**",               COCKPIT_READER),
        door("GET",     "/case-definition/count",                COCKPIT_READER),
        door("GET",     "/deployment",                           COCKPIT_READER),
        door("GET",     "/deployment/count",                     COCKPIT_READER),
        door("GET",     "/user",                                 COCKPIT_READER), // Tasklist's assignee check, Cockpit
        door("GET",     "/user/count",                           COCKPIT_READER),
        door("GET",     "/group",                                COCKPIT_READER),
        door("GET",     "/group/count",                          COCKPIT_READER)
    );
    // @formatter:on

    /** Segments of the engine's REST paths that are names of resources, never ids. */
    private static final String FIXED_WORDS = "count|statistics|key|create|delete|suspended|xml|tenant-id|report"
            + "|delete-historic-query-based|job-retries|variables-async|message-async|suspended-async"
            + "|set-removal-time|cleanable-process-instance-report";

    private static final String ID = "(?!(?:" + FIXED_WORDS + ")/|(?:" + FIXED_WORDS + ")$)[^/]+";

    private EngineDoors() {
    }

    /**
     * Whether a caller who is not an administrator may make this call.
     *
     * @param path relative to the engine, decoded, without a trailing slash
     */
    static boolean opens(String method, String path, Caller caller) {
        String verb = "HEAD".equals(method) ? "GET" : method;
        for (Door door : DOORS) {
            if (!door.method().equals(verb)) {
                continue;
            }
            Matcher matcher = door.pattern().matcher(path);
            if (matcher.matches() && admits(door, matcher, caller)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the call is in the table for anyone: to a caller without a session the webapps answer 401 themselves. */
    static boolean listed(String method, String path) {
        String verb = "HEAD".equals(method) ? "GET" : method;
        return DOORS.stream().anyMatch(door -> door.method().equals(verb) && door.pattern().matcher(path).matches());
    }

    private static boolean admits(Door door, Matcher matcher, Caller caller) {
        return switch (door.who()) {
            case EVERYONE -> true;
            case SIGNED_IN -> caller.signedIn();
            case COCKPIT_READER -> caller.cockpitReader();
            case THEMSELVES -> caller.signedIn() && caller.id().equals(matcher.group("self"));
        };
    }

    private static Door door(String method, String path, Who who) {
        return new Door(method, path, who);
    }

    private static Pattern compile(String path) {
        StringBuilder regex = new StringBuilder();
        String rest = path;
        boolean anyBelow = rest.endsWith("/**");
        if (anyBelow) {
            rest = rest.substring(0, rest.length() - 3);
        }
        for (String segment : rest.substring(1).split("/")) {
            regex.append('/');
            switch (segment) {
                case "{id}" -> regex.append(ID);
                case "{self}" -> regex.append("(?<self>[^/]+)");
                default -> regex.append(Pattern.quote(segment));
            }
        }
        if (anyBelow) {
            regex.append("/.+");
        }
        return Pattern.compile(regex.toString());
    }

}
