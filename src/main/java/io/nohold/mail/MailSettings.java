package io.nohold.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The mail settings, read before anything starts. With the {@code demo} profile NoHold sends to its embedded mail
 * server ({@link DemoMailServer}); a port of 0 there is replaced by a free port here, so that {@code spring.mail.port}
 * and the server agree. Otherwise the organisation's SMTP server must be given: a missing setting stops the start
 * with one clear message (docs/operations.md, "Mail").
 */
public class MailSettings implements EnvironmentPostProcessor {

    static final List<String> REQUIRED = List.of("spring.mail.host", "spring.mail.port", "nohold.mail.from");

    static final String SMTP_PORT = "nohold.demo-mail.smtp-port";

    static final String IMAP_PORT = "nohold.demo-mail.imap-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("nohold.mail.enabled", Boolean.class, true)) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            Map<String, Object> ports = new HashMap<>();
            for (String key : List.of(SMTP_PORT, IMAP_PORT)) {
                if (environment.getProperty(key, Integer.class, -1) == 0) {
                    ports.put(key, freePort());
                }
            }
            if (!ports.isEmpty()) {
                environment.getPropertySources().addFirst(new MapPropertySource("nohold-demo-mail-ports", ports));
            }
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED) {
            String value;
            try {
                value = environment.getProperty(key);
            }
            catch (IllegalArgumentException unresolved) {
                value = null;
            }
            if (value == null || value.isBlank()) {
                missing.add(key.toUpperCase().replace('.', '_').replace('-', '_') + " (" + key + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("NoHold sends customer notifications by e-mail and needs the organisation's SMTP"
                    + " server; missing: " + String.join(", ", missing) + ". For example SPRING_MAIL_HOST=smtp.example.com"
                    + " SPRING_MAIL_PORT=587 SPRING_MAIL_USERNAME=... SPRING_MAIL_PASSWORD=... NOHOLD_MAIL_FROM=support@example.com;"
                    + " NOHOLD_MAIL_ENABLED=false sends no mail at all. See docs/operations.md, \"Mail\".");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("no free port for the demo mail server", e);
        }
    }

}
