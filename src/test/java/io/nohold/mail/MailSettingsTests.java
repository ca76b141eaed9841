package io.nohold.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.nohold.NoHoldApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Outside the demo NoHold sends through the organisation's SMTP server, and does not start without it. */
class MailSettingsTests {

    @Test
    void withoutTheDemoAMissingSmtpSettingStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NoHoldApplication.class).web(WebApplicationType.NONE)
            .properties("spring.datasource.url=jdbc:h2:mem:mail-settings", "spring.mail.host=")
            .run())
            .hasMessageContaining("SPRING_MAIL_HOST (spring.mail.host)")
            .hasMessageContaining("SPRING_MAIL_PORT (spring.mail.port)")
            .hasMessageContaining("NOHOLD_MAIL_FROM (nohold.mail.from)")
            .hasMessageContaining("docs/operations.md");
    }

    @Test
    void theOrganisationsServerGivenTheSettingsPass() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of("spring.mail.host", "smtp.example.com",
                "spring.mail.port", "587", "nohold.mail.from", "support@example.com")));
        new MailSettings().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
    }

    @Test
    void inTheDemoAPortOfZeroBecomesAFreePortThatTheMailSettingsUse() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("demo");
        environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of("nohold.demo-mail.smtp-port", "0",
                "nohold.demo-mail.imap-port", "3143", "spring.mail.port", "${nohold.demo-mail.smtp-port}")));
        new MailSettings().postProcessEnvironment(environment, null);
        int smtp = environment.getProperty("spring.mail.port", Integer.class);
        assertThat(smtp).isPositive().isEqualTo(environment.getProperty("nohold.demo-mail.smtp-port", Integer.class));
        assertThat(environment.getProperty("nohold.demo-mail.imap-port", Integer.class)).isEqualTo(3143);
    }

}
