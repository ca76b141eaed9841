package io.nohold.region;

public enum RepStatus {

    AVAILABLE, AWAY, OFF

}
