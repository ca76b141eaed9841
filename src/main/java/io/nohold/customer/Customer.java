package io.nohold.customer;

import java.time.Instant;

/** A customer; {@code language}: the ISO 639-1 code they read our texts in, null for the default ({@link Language}). */
public record Customer(String id, String name, String email, String phone, String postalCode, String country, Tier tier,
        String regionId, String personalRepId, Instant createdAt, String language) {

    public Customer(String id, String name, String email, String phone, String postalCode, String country, Tier tier,
            String regionId, String personalRepId, Instant createdAt) {
        this(id, name, email, phone, postalCode, country, tier, regionId, personalRepId, createdAt, null);
    }

    /** The language NoHold writes to the customer in. */
    public Language readsIn() {
        return Language.of(language);
    }

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email != null ? email : phone != null ? phone : id;
    }

}
