package io.nohold.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.nohold.customer.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The templates customers read: one per customer notification kind in every language, each with subject and body. */
class CustomerTextsTests {

    private final CustomerTexts texts = new CustomerTexts();

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCustomerNotificationKindHasATemplateWithSubjectAndBodyInEveryLanguage(Language language) {
        for (NotificationKind kind : CustomerTexts.KINDS) {
            assertThat(CustomerTexts.class.getClassLoader().getResource(CustomerTexts.path(language, kind)))
                .as("template %s", CustomerTexts.path(language, kind))
                .isNotNull();
            for (Channel channel : Channel.values()) {
                CustomerTexts.Text text = texts.render(kind, language, values(channel));
                assertThat(text.subject()).as("%s %s subject", kind, language).contains("NH-001042").doesNotContain("\n");
                assertThat(text.body()).as("%s %s %s body", kind, language, channel).isNotBlank().doesNotContain("{{", "}}");
            }
        }
    }

    @Test
    void theCustomerNotificationsAreThePromiseTheApologyTheFollowUpTheEscalationTheOutcomeAndTheReply() {
        assertThat(CustomerTexts.KINDS).containsExactlyInAnyOrder(NotificationKind.PROMISE, NotificationKind.NEW_PROMISE,
                NotificationKind.FOLLOW_UP, NotificationKind.ESCALATION, NotificationKind.RESOLVED, NotificationKind.REPLY);
        assertThatThrownBy(() -> texts.render(NotificationKind.NEW_CONTACT, Language.EN, values(Channel.PHONE)))
            .hasMessageContaining("not a notification to customers");
    }

    @Test
    void thePromiseReadsInTheCustomersLanguageAndMatchesTheChannel() {
        assertThat(texts.render(NotificationKind.PROMISE, Language.EN, values(Channel.PHONE)).body())
            .isEqualTo("Dana from your North team will call you back by Monday 7 December, 08:15 CET. Your case number is NH-001042.");
        assertThat(texts.render(NotificationKind.PROMISE, Language.EN, values(Channel.EMAIL)).body())
            .contains("will answer your e-mail")
            .doesNotContain("call");
        assertThat(texts.render(NotificationKind.PROMISE, Language.EN, values(Channel.WEB)).body()).doesNotContain("call");
        assertThat(texts.render(NotificationKind.PROMISE, Language.DE,
                with(values(Channel.PHONE), "by", "Montag, 7. Dezember, 08:15 MEZ")).body())
            .isEqualTo("Dana aus Ihrem Team North ruft Sie bis Montag, 7. Dezember, 08:15 MEZ zurück. Ihre Fallnummer ist NH-001042.");
        assertThat(texts.render(NotificationKind.PROMISE, Language.DE, values(Channel.EMAIL)).body())
            .contains("beantwortet Ihre E-Mail bis")
            .doesNotContain("zurück");
        assertThat(texts.render(NotificationKind.PROMISE, Language.EN, with(values(Channel.CHAT), "handlerFirstName", "")).body())
            .startsWith("Your North team will answer you in the chat by");
    }

    @Test
    void germanTimesHaveGermanDayAndMonthNames() {
        Instant at = Instant.parse("2027-12-07T07:15:00Z");
        assertThat(PromiseTime.format(at, ZoneId.of("Europe/Berlin"), at, Locale.GERMAN)).isEqualTo("Dienstag, 7. Dezember, 08:15 MEZ");
        assertThat(PromiseTime.format(at, ZoneId.of("Europe/Berlin"), at, Locale.ENGLISH)).isEqualTo("Tuesday 7 December, 08:15 CET");
    }

    @Test
    void theOutcomeNamesWhatWasGrantedAndHowToComeBackOnTheChannel() {
        Map<String, Object> refund = with(values(Channel.EMAIL), "granted", true, "refund", true, "amount", "80.00");
        assertThat(texts.render(NotificationKind.RESOLVED, Language.EN, refund).body())
            .isEqualTo("Your case NH-001042 is resolved. We have granted you a refund of 80.00. If anything is not right, just "
                    + "reply to this e-mail: Dana Berg will pick it up.");
        assertThat(texts.render(NotificationKind.RESOLVED, Language.DE, with(refund, "amount", "80,00")).body())
            .contains("Wir haben Ihnen eine Erstattung von 80,00 gewährt.");
        assertThat(texts.render(NotificationKind.RESOLVED, Language.EN, values(Channel.PHONE)).body())
            .doesNotContain("granted")
            .contains("just call us again");
    }

    @Test
    void aReplyCarriesTheRepsTextAndSignature() {
        CustomerTexts.Text reply = texts.render(NotificationKind.REPLY, Language.EN,
                with(values(Channel.EMAIL), "replyText", "Your parcel left today.\nIt arrives on Friday."));
        assertThat(reply.subject()).isEqualTo("Re: your case NH-001042");
        assertThat(reply.body()).isEqualTo("Hello Greta Schulz,\n\nYour parcel left today.\nIt arrives on Friday.\n\n"
                + "Dana Berg, your North team\nCase NH-001042");
        assertThat(texts.render(NotificationKind.REPLY, Language.DE, with(values(Channel.EMAIL), "customerName", "")).body())
            .startsWith("Guten Tag,\n");
    }

    /** What CaseFile gives every template, and what the kinds' own values are, as plain text. */
    private static Map<String, Object> values(Channel answeredOn) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("caseNumber", "NH-001042");
        values.put("regionName", "North");
        values.put("customerName", "Greta Schulz");
        for (Channel channel : Channel.values()) {
            values.put(channel.label(), channel == answeredOn);
        }
        values.put("handlerFirstName", "Dana");
        values.put("handlerName", "Dana Berg");
        values.put("personalRepName", "Dana Berg");
        values.put("by", "Monday 7 December, 08:15 CET");
        values.put("brokenBy", "Monday 7 December, 08:00 CET");
        values.put("at", "Monday 7 December, 08:15 CET");
        values.put("granted", false);
        values.put("refund", false);
        values.put("credit", false);
        values.put("replacement", false);
        values.put("otherAccommodation", false);
        values.put("amount", "");
        values.put("replyText", "Thank you.");
        return values;
    }

    private static Map<String, Object> with(Map<String, Object> values, Object... pairs) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

}
