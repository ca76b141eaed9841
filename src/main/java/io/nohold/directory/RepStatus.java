package io.nohold.directory;

public enum RepStatus {

    AVAILABLE, AWAY, OFF

}
