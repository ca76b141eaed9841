package io.nohold.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The table's reading of paths: what a row opens and what it must not open by accident. */
class EngineDoorsTableTests {

    static final Caller REP = new Caller("dana", List.of("reps-north"));

    static final Caller SUPERVISOR = new Caller("sam", List.of("supervisors-north"));

    static final Caller HEAD = new Caller("head-of-service", List.of("head-of-service"));

    static final Caller CHANNEL = new Caller("intake", List.of("channels"));

    @Test
    void anIdNeverStandsForOneOfTheEnginesFixedWords() {
        assertThat(EngineDoors.opens("GET", "/process-definition/ContactLifecycle:3:abc", REP)).isTrue();
        assertThat(EngineDoors.opens("GET", "/process-definition/statistics", REP)).isFalse();
        assertThat(EngineDoors.opens("GET", "/process-definition/key/ContactLifecycle", REP)).isFalse();
        assertThat(EngineDoors.opens("GET", "/process-definition/count", REP)).as("its own row").isTrue();
        assertThat(EngineDoors.opens("GET", "/filter/count/list", REP)).isFalse();
        assertThat(EngineDoors.opens("GET", "/process-definition/statistics", SUPERVISOR)).as("Cockpit").isTrue();
    }

    @Test
    void oneselfIsTheCallersOwnId() {
        assertThat(EngineDoors.opens("PUT", "/user/dana/credentials", REP)).isTrue();
        assertThat(EngineDoors.opens("PUT", "/user/nils/credentials", REP)).isFalse();
        assertThat(EngineDoors.opens("PUT", "/user/dana/profile", REP)).as("no renaming oneself").isFalse();
        assertThat(EngineDoors.opens("DELETE", "/user/dana", REP)).isFalse();
    }

    @Test
    void cockpitReadsAreReadsAndOnlyForSupervisorsAndHeadOfService() {
        for (Caller reader : List.of(SUPERVISOR, HEAD)) {
            assertThat(EngineDoors.opens("GET", "/process-instance/abc/activity-instances", reader)).isTrue();
            assertThat(EngineDoors.opens("POST", "/process-instance", reader)).isTrue();
            assertThat(EngineDoors.opens("POST", "/process-instance/abc/variables", reader)).isFalse();
            assertThat(EngineDoors.opens("POST", "/process-instance/delete", reader)).isFalse();
            assertThat(EngineDoors.opens("PUT", "/process-instance/abc/suspended", reader)).isFalse();
            assertThat(EngineDoors.opens("POST", "/history/process-instance/delete", reader)).isFalse();
            assertThat(EngineDoors.opens("DELETE", "/history/process-instance/abc", reader)).isFalse();
            assertThat(EngineDoors.opens("GET", "/job", reader)).isFalse();
        }
        for (Caller other : List.of(REP, CHANNEL)) {
            assertThat(EngineDoors.opens("GET", "/process-instance/abc", other)).isFalse();
            assertThat(EngineDoors.opens("POST", "/process-instance", other)).isFalse();
            assertThat(EngineDoors.opens("GET", "/user", other)).as("no listing of users").isFalse();
        }
    }

    @Test
    void headIsReadAsGetAndNothingElseSlipsThrough() {
        assertThat(EngineDoors.opens("HEAD", "/task/abc", REP)).isTrue();
        assertThat(EngineDoors.opens("DELETE", "/task/abc", REP)).isFalse();
        assertThat(EngineDoors.opens("PATCH", "/task/abc", REP)).isFalse();
        assertThat(EngineDoors.opens("GET", "/task/abc/variables", REP)).isFalse();
        assertThat(EngineDoors.opens("GET", "/task/abc", Caller.ANONYMOUS)).isFalse();
        assertThat(EngineDoors.opens("GET", "/engine", Caller.ANONYMOUS)).isTrue();
    }

    @Test
    void bothDoorsAndNamedEnginesComeToTheSamePath() {
        assertThat(EngineDoorFilter.engineRestTarget("/task/abc/claim/")).isEqualTo(new EngineDoorFilter.Target(null, "/task/abc/claim"));
        assertThat(EngineDoorFilter.engineRestTarget("/engine/default/task/abc/claim"))
            .isEqualTo(new EngineDoorFilter.Target("default", "/task/abc/claim"));
        assertThat(EngineDoorFilter.engineRestTarget("/engine")).isEqualTo(new EngineDoorFilter.Target(null, "/engine"));
        assertThat(EngineDoorFilter.webappTarget("/engine/default/task/abc/claim"))
            .isEqualTo(new EngineDoorFilter.Target("default", "/task/abc/claim"));
        assertThat(EngineDoorFilter.webappTarget("/engine/")).isEqualTo(new EngineDoorFilter.Target(null, "/engine"));
        assertThat(EngineDoorFilter.webappTarget("/task/abc").path()).as("the webapps always name the engine").isNull();
        assertThat(EngineDoorFilter.webappTarget("/engine/default").path()).isEmpty();
    }

}
