package io.nohold.customer;

public enum Tier {

    STANDARD, PREMIUM

}
