package io.nohold.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The actuator: health for the load balancer, everything else for monitoring only. */
@NoHoldTest
class OperationsEndpointsTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void healthIsOpenAndSaysNothingButTheStatus() {
        Response health = api.send(api.request("/actuator/health").GET());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().size()).as("no components, no details: %s", health).isEqualTo(1);
        assertThat(health.header("Set-Cookie")).isNull();
    }

    @Test
    void metricsAndPrometheusNeedTheMonitoringGroup() {
        for (String path : new String[] { "/actuator/metrics", "/actuator/metrics/http.server.requests", "/actuator/prometheus",
                "/actuator/info", "/actuator" }) {
            assertThat(api.send(api.request(path).GET()).status()).as("anonymous %s", path).isEqualTo(401);
            for (String user : new String[] { "dana", "sam", "head-of-service", "intake", "admin" }) {
                assertThat(api.get(path, user).status()).as("%s %s", user, path).isEqualTo(403);
            }
        }
        assertThat(api.get("/actuator/metrics", "monitor").status()).isEqualTo(200);
        Response prometheus = api.send(api.request("/actuator/prometheus")
            .header("Authorization", ApiClient.basic("monitor", ApiClient.PASSWORD))
            .GET());
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

}
