package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.nohold.desk.TasklistApi;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's identity API (engine REST, and the webapps' engine API that Camunda Admin uses) refuses changes to
 * NoHold's people and groups, for administrators too, and for a rep who tries to delete or rename themselves. Nothing
 * changes; what NoHold does not own stays open to administrators.
 */
@NoHoldTest
class IdentityGuardTests {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepService reps;

    ApiClient api;

    String temporary;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void cleanUp() {
        if (temporary != null && identity.createUserQuery().userId(temporary).count() > 0) {
            identity.deleteUser(temporary);
        }
        identity.deleteGroup("auditors");
    }

    @Test
    void anAdminCannotChangeNoHoldsPeopleOrGroupsThroughTheEngineRestApi() {
        refused(api.send(api.request("/engine-rest/group/reps-north/members/admin", "admin").PUT(ApiClient.json(""))), "reps-north");
        refused(api.delete("/engine-rest/group/reps-north/members/dana", "admin"), "reps-north");
        refused(api.delete("/engine-rest/group/supervisors-north/members/sam", "admin"), "supervisors-north");
        refused(api.delete("/engine-rest/user/dana", "admin"), "dana");
        refused(api.put("/engine-rest/user/dana/profile", "admin", Map.of("id", "dana", "firstName", "Renamed", "lastName", "Rep")), "dana");
        refused(api.delete("/engine-rest/group/reps-north", "admin"), "reps-north");
        refused(api.put("/engine-rest/group/head-of-service", "admin", Map.of("id", "head-of-service", "name", "Nobody")), "head-of-service");
        refused(api.post("/engine-rest/group/create", "admin", Map.of("id", "reps-atlantis", "name", "Atlantis reps")), "reps-atlantis");
        refused(api.delete("/engine-rest/engine/default/user/nils", "admin"), "nils");
        refused(api.send(api.request("/engine-rest/group/channels/members/admin", "admin").PUT(ApiClient.json(""))), "channels");

        assertUnchanged();
        assertThat(identity.createGroupQuery().groupId("reps-atlantis").count()).isZero();
    }

    @Test
    void anAdminCannotAddAFreshUserToARegionBehindNoHoldsBack() {
        temporary = "temp-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api.post("/engine-rest/user/create", "admin",
                Map.of("profile", Map.of("id", temporary, "firstName", "Temp", "lastName", "User", "email", temporary + "@example.com"),
                        "credentials", Map.of("password", "temporary-1")));
        assertThat(created.status()).as("users NoHold does not own stay the admin's: %s", created).isEqualTo(204);

        refused(api.send(api.request("/engine-rest/group/reps-north/members/" + temporary, "admin").PUT(ApiClient.json(""))), "reps-north");

        assertThat(identity.createUserQuery().memberOfGroup("reps-north").list()).extracting(User::getId)
            .containsExactlyInAnyOrder("dana", "nils", "freya");
        assertThat(api.post("/engine-rest/group/create", "admin", Map.of("id", "auditors", "name", "Auditors", "type", "WORKFLOW"))
            .status()).isEqualTo(204);
        assertThat(api.send(api.request("/engine-rest/group/auditors/members/" + temporary, "admin").PUT(ApiClient.json("")))
            .status()).isEqualTo(204);
        assertThat(api.delete("/engine-rest/user/" + temporary, "admin").status()).isEqualTo(204);
    }

    @Test
    void anAdminCannotChangeThemThroughCamundaAdminEither() {
        TasklistApi admin = TasklistApi.logIn(port, "admin");

        refused(admin.delete("/user/dana"), "dana");
        refused(admin.put("/user/dana/profile", Map.of("id", "dana", "firstName", "Renamed", "lastName", "Rep")), "dana");
        refused(admin.put("/group/reps-north/members/admin", Map.of()), "reps-north");
        refused(admin.delete("/group/reps-north/members/freya"), "reps-north");
        refused(admin.delete("/group/supervisors-north"), "supervisors-north");

        assertUnchanged();
    }

    @Test
    void aRepCanNeitherDeleteNorRenameThemselvesButChangesTheirOwnPassword() {
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        temporary = rep;
        reps.add(new RepService.NewPerson(rep, "Self", "Service", rep + "@nohold.example", "east", Role.REP, "own-pass-123", null));
        String basic = ApiClient.basic(rep, "own-pass-123");

        refusedAtTheDoor(api.send(api.request("/engine-rest/user/" + rep).header("Authorization", basic).DELETE()));
        refusedAtTheDoor(api.send(api.request("/engine-rest/user/" + rep + "/profile").header("Authorization", basic)
            .header("Content-Type", "application/json")
            .PUT(ApiClient.json(Map.of("id", rep, "firstName", "Renamed", "lastName", "Me")))));
        refusedAtTheDoor(api.send(api.request("/engine-rest/group/reps-east/members/" + rep).header("Authorization", basic).DELETE()));
        TasklistApi desk = TasklistApi.logInWithPassword(port, rep, "own-pass-123");
        refusedAtTheDoor(desk.delete("/user/" + rep));
        refusedAtTheDoor(desk.put("/user/" + rep + "/profile", Map.of("id", rep, "firstName", "Renamed", "lastName", "Me")));
        refusedAtTheDoor(api.delete("/engine-rest/user/dana", "nils"));

        User self = identity.createUserQuery().userId(rep).singleResult();
        assertThat(self).isNotNull();
        assertThat(self.getFirstName()).isEqualTo("Self");
        assertThat(identity.createUserQuery().userId(rep).memberOfGroup("reps-east").count()).isEqualTo(1);
        assertUnchanged();

        ApiClient.Response changed = desk.put("/user/" + rep + "/credentials",
                Map.of("password", "new-pass-456", "authenticatedUserPassword", "own-pass-123"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        assertThat(identity.checkPassword(rep, "new-pass-456")).isTrue();
        temporary = null;
        reps.remove(rep);
    }

    @Test
    void strangersAreNotToldWhoIsANoHoldUser() {
        ApiClient.Response anonymous = api.send(api.request("/engine-rest/user/dana").DELETE());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("NoHold");
        assertThat(identity.createUserQuery().userId("dana").count()).isEqualTo(1);
    }

    /** A non-admin's identity write: refused by the engine door already, with its generic answer. */
    private static void refusedAtTheDoor(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("title").asText()).isEqualTo("Forbidden");
    }

    private static void refused(ApiClient.Response response, String named) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("about:blank");
        assertThat(response.json().path("title").asText()).isEqualTo("Forbidden");
        assertThat(response.json().path("status").asInt()).isEqualTo(403);
        assertThat(response.json().path("detail").asText()).contains("'" + named + "'", "managed by NoHold", "/api/reps");
    }

    private void assertUnchanged() {
        assertThat(identity.createUserQuery().memberOfGroup("reps-north").list()).extracting(User::getId)
            .containsExactlyInAnyOrder("dana", "nils", "freya");
        assertThat(identity.createUserQuery().memberOfGroup("supervisors-north").list()).extracting(User::getId).contains("sam");
        // channels are no Camunda users (they sign in with API keys), and nobody could make one
        assertThat(identity.createUserQuery().memberOfGroup("channels").list()).isEmpty();
        User dana = identity.createUserQuery().userId("dana").singleResult();
        assertThat(dana.getFirstName()).isEqualTo("Dana");
        assertThat(identity.createUserQuery().userId("nils").count()).isEqualTo(1);
        for (String group : List.of("reps-north", "supervisors-north", "head-of-service")) {
            assertThat(identity.createGroupQuery().groupId(group).singleResult().getName()).as(group).isNotEqualTo("Nobody");
        }
    }

}
