package io.nohold.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The start stops with a message naming what is missing when the mailbox is to be read and is not configured. */
class MailboxSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withInitializer(started -> started.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
        .withUserConfiguration(MailboxConfiguration.class);

    @Test
    void readingEnabledWithoutServerOrAccountStopsTheStartNamingTheSettings() {
        context.withPropertyValues("nohold.mailbox.enabled=true", "nohold.mailbox.host=imap.example.com")
            .run(started -> {
                assertThat(started).hasFailed();
                assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("nohold.mailbox.username")
                    .hasMessageContaining("nohold.mailbox.password")
                    .hasMessageNotContaining("nohold.mailbox.host,")
                    .hasMessageContaining("docs/operations.md");
            });
    }

    @Test
    void readingOffNeedsNothingAndAConfiguredMailboxStarts() {
        context.run(started -> assertThat(started).hasNotFailed());
        context.withPropertyValues("nohold.mailbox.enabled=true", "nohold.mailbox.host=imap.example.com",
                "nohold.mailbox.username=support@example.com", "nohold.mailbox.password=secret")
            .run(started -> {
                assertThat(started).hasNotFailed();
                MailboxSettings settings = started.getBean(MailboxSettings.class);
                assertThat(settings.protocol()).isEqualTo("imaps");
                assertThat(settings.port()).isEqualTo(993);
                assertThat(settings.processedFolder()).isEqualTo("Processed");
                assertThat(settings.failedFolder()).isEqualTo("Failed");
            });
    }

}
