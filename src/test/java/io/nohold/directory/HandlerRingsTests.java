package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.nohold.directory.HandlerRings.Ring;
import org.junit.jupiter.api.Test;

/** The rings without a database: own rep, previous handler, then the named backups in the region's order. */
class HandlerRingsTests {

    static Rep rep(String id, int rank, RepStatus status) {
        return new Rep(id, id.toUpperCase() + " Rep", "north", rank, status);
    }

    static final Rep DANA = rep("dana", 1, RepStatus.AVAILABLE);

    static final Rep NILS = rep("nils", 2, RepStatus.AVAILABLE);

    static final Rep FREYA = rep("freya", 3, RepStatus.AVAILABLE);

    @Test
    void theOwnRepHandlesWhenAvailable() {
        assertThat(new Ring(List.of(DANA, NILS, FREYA)).firstHandler("nils", null)).contains(NILS);
    }

    @Test
    void aReopenedCaseGoesBackToItsPreviousHandlerWhenTheOwnRepIsAway() {
        Ring ring = new Ring(List.of(rep("dana", 1, RepStatus.AWAY), NILS, FREYA));

        assertThat(ring.firstHandler("dana", "freya")).contains(FREYA);
    }

    @Test
    void withTheOwnRepAwayTheFirstAvailableBackupInOrderHandles() {
        Ring ring = new Ring(List.of(DANA, rep("nils", 2, RepStatus.OFF), FREYA));

        assertThat(ring.firstHandler("dana", null)).as("dana available").contains(DANA);
        assertThat(new Ring(List.of(rep("dana", 1, RepStatus.AWAY), rep("nils", 2, RepStatus.OFF), FREYA))
            .firstHandler("dana", null)).contains(FREYA);
    }

    @Test
    void theNextBackupComesAfterTheCurrentHandlerAndNeverIsTheOwnRep() {
        Ring ring = new Ring(List.of(DANA, NILS, FREYA));

        assertThat(ring.nextBackup("dana", "dana")).as("from the own rep").contains(NILS);
        assertThat(ring.nextBackup("dana", "nils")).as("from the first backup").contains(FREYA);
        assertThat(ring.nextBackup("dana", "freya")).as("the ring is exhausted").isEmpty();
        assertThat(ring.nextBackup("nils", "nils")).as("own rep in the middle of the order").contains(DANA);
    }

    @Test
    void nobodyAvailableGivesNobody() {
        Ring ring = new Ring(List.of(rep("dana", 1, RepStatus.OFF), rep("nils", 2, RepStatus.AWAY)));

        assertThat(ring.firstHandler("dana", "nils")).isEmpty();
    }

}
