package io.nohold.customer;

/** What a channel knows of a customer; at least one of id, e-mail and phone. */
public record CustomerDetails(String id, String name, String email, String phone, String postalCode, String country) {
}
