package io.nohold.casefile;

import java.time.Duration;
import java.time.Instant;

import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What became of each first-response promise ({@code promise_outcome}), with the case's region and the contact's
 * channel, so that a region's day or week is counted from one index (the board). Written only through {@link CaseFile},
 * in the transaction that recorded the fact.
 */
@Repository
class PromiseOutcomes {

    enum Outcome {
        /** Reached by the promised time. */
        KEPT,
        /** The promised time passed. */
        BROKEN,
        /** Reached after the promise was broken (and counted as broken then). */
        LATE
    }

    private final JdbcClient jdbc;

    PromiseOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void broken(CaseRecord record, Channel channel) {
        insert(record, channel, Outcome.BROKEN, false, null, null, null);
    }

    void reached(CaseRecord record, Channel channel, Outcome outcome, String actor, boolean ownRep, Duration waited) {
        insert(record, channel, outcome, true, actor, ownRep, waited.isNegative() ? 0L : waited.toSeconds());
    }

    private void insert(CaseRecord record, Channel channel, Outcome outcome, boolean reached, String actor, Boolean ownRep,
            Long waitedSeconds) {
        Instant now = EngineClock.now();
        jdbc.sql("""
                INSERT INTO promise_outcome (case_number, region_id, channel, outcome, occurred_at, reached, actor, own_rep,
                  waited_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .param(record.caseNumber())
            .param(record.regionId())
            .param(channel.name())
            .param(outcome.name())
            .param(EngineClock.utc(now))
            .param(reached)
            .param(actor)
            .param(ownRep)
            .param(waitedSeconds)
            .update();
    }

}
