package io.nohold.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls NoHold over HTTP as a channel or a person would: plain HTTP/1.1, HTTP Basic, JSON. */
public final class ApiClient {

    /** Every demo user's password. */
    public static final String PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public HttpRequest.Builder request(String path, String user) {
        return request(path).header("Authorization", basic(user, PASSWORD)).header("Accept", "application/json");
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Response post(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").POST(json(body)));
    }

    public Response put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").PUT(json(body)));
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    /** A body of unknown length: sent chunked, without Content-Length. */
    public static BodyPublisher streamed(Supplier<InputStream> body) {
        return BodyPublishers.ofInputStream(body);
    }

    public static BodyPublisher json(Object body) {
        try {
            return BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** Sends with a client of the caller's, e.g. one that keeps a session's cookies. */
    public static Response send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers and body as received. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }

    }

}
