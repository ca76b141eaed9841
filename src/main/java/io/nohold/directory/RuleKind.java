package io.nohold.directory;

/** What a routing rule matches on, in the order they are tried. */
public enum RuleKind {

    POSTAL_CODE, PHONE, COUNTRY

}
