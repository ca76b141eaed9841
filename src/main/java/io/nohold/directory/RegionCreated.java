package io.nohold.directory;

/** An administrator added a region; published in their transaction, after its Camunda groups exist. */
public record RegionCreated(String id) {
}
