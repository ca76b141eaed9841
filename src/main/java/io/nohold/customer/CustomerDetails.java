package io.nohold.customer;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.nohold.web.CountryCode;
import io.nohold.web.EmailAddress;
import io.nohold.web.SingleLine;

/**
 * What a channel knows of a customer; at least one of id, e-mail, phone and a handle on a channel; {@code language} is
 * the ISO 639-1 code of the language they read (see {@link Language}). The constraints say what NoHold's API
 * accepts (an empty text counts as not given).
 */
@IdentifiableCustomer
public record CustomerDetails(
        @Size(max = 64, message = "must be at most {max} characters") @SingleLine String id,
        @Size(max = 200, message = "must be at most {max} characters") @SingleLine String name,
        @EmailAddress String email,
        String phone,
        @Size(max = 20, message = "must be at most {max} characters") @SingleLine String postalCode,
        @CountryCode String country,
        @LanguageCode String language,
        @Valid ChannelHandle handle) {

    public CustomerDetails(String id, String name, String email, String phone, String postalCode, String country) {
        this(id, name, email, phone, postalCode, country, null, null);
    }

    public CustomerDetails(String id, String name, String email, String phone, String postalCode, String country,
            String language) {
        this(id, name, email, phone, postalCode, country, language, null);
    }

    public CustomerDetails(String id, String name, String email, String phone, String postalCode, String country,
            ChannelHandle handle) {
        this(id, name, email, phone, postalCode, country, null, handle);
    }

    /**
     * The same details as NoHold stores them: the phone number in E.164 where it can be read (a national number with
     * the country), the country code in capitals. A number that cannot be read is kept as given.
     */
    public CustomerDetails normalized() {
        String code = country == null || country.isBlank() ? country : country.strip().toUpperCase(Locale.ROOT);
        String lang = Language.parse(language).map(Language::code).orElse(language);
        return new CustomerDetails(id, name, email, PhoneNumbers.e164(phone, code).orElse(phone), postalCode, code, lang,
                handle);
    }

}
