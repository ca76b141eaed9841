package io.nohold.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.nohold.customer.Language;
import org.springframework.stereotype.Component;

/**
 * The texts customers read, from Mustache templates outside the code: {@code templates/customer/<language>/<kind>.mustache}
 * on the class path (in the source tree under {@code src/main/resources}), one per customer notification kind and
 * language, e.g. {@code templates/customer/de/promise.mustache}. A template's first line is the subject, the
 * lines after it the body. Templates may include the language's partials ({@code {{> _answer}}}, from
 * {@code _answer.mustache} beside them). Values are plain text, not HTML: nothing is escaped.
 * <p>
 * Every value a template uses must be given (null reads as empty, a missing one is an error), so a template that asks
 * for something NoHold does not know fails its test rather than sending a gap to a customer.
 */
@Component
public class CustomerTexts {

    /** The notification kinds that go to customers; each has a template in every {@link Language}. */
    public static final Set<NotificationKind> KINDS = EnumSet.of(NotificationKind.PROMISE, NotificationKind.NEW_PROMISE,
            NotificationKind.FOLLOW_UP, NotificationKind.ESCALATION, NotificationKind.RESOLVED, NotificationKind.REPLY);

    private static final String FOLDER = "templates/customer/";

    private final Map<Language, Mustache.Compiler> compilers = new EnumMap<>(Language.class);

    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public CustomerTexts() {
        for (Language language : Language.values()) {
            compilers.put(language, Mustache.compiler()
                .escapeHTML(false)
                .emptyStringIsFalse(true)
                .nullValue("")
                .withLoader(name -> reader(path(language, name))));
        }
    }

    /** A rendered text: the subject line and the body. */
    public record Text(String subject, String body) {
    }

    /** The kind's text in the language, with these values. */
    public Text render(NotificationKind kind, Language language, Map<String, ?> values) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not a notification to customers");
        }
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Template template = templates.computeIfAbsent(language.code() + "/" + name, key -> compile(language, name));
        return split(template.execute(new LinkedHashMap<>(values)), path(language, name));
    }

    /** Where the kind's template in the language lies on the class path. */
    public static String path(Language language, NotificationKind kind) {
        return path(language, kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static String path(Language language, String name) {
        return FOLDER + language.code() + "/" + name + ".mustache";
    }

    private Template compile(Language language, String name) {
        try (Reader reader = reader(path(language, name))) {
            return compilers.get(language).compile(reader);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + path(language, name), e);
        }
    }

    private static Reader reader(String path) {
        InputStream in = CustomerTexts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no customer text template " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The first line is the subject; the body follows it, without blank lines at either end. */
    private static Text split(String rendered, String path) {
        String text = rendered.replace("\r\n", "\n");
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1).strip();
        if (subject.isEmpty() || body.isEmpty()) {
            throw new IllegalStateException(path + " must have a subject line and a body");
        }
        return new Text(subject, body);
    }

}
