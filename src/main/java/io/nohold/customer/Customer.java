package io.nohold.customer;

import java.time.Instant;

public record Customer(String id, String name, String email, String phone, String postalCode, String country, Tier tier,
        String regionId, String personalRepId, Instant createdAt) {

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email != null ? email : phone != null ? phone : id;
    }

}
