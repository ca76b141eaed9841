package io.nohold.simulation;

import java.time.Instant;

import io.nohold.casefile.Channel;

/** One contact the scenario sends: when, in which region, on which channel, from whom, and how long it will take. */
record Arrival(int number, Instant at, int region, Channel channel, int customer, double handleSeconds) {
}
