package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The textbook's numbers, as the issue and PRODUCT.md quote them. */
class ErlangCTests {

    @Test
    void fourteenPooledAgentsAnswer888PercentWithin20Seconds() {
        ErlangC pooled = ErlangC.of(14, 200, 180);

        assertThat(pooled.erlangs()).isEqualTo(10.0);
        assertThat(pooled.serviceLevel(20)).isCloseTo(0.888, offset(0.001));
        assertThat(pooled.averageWaitSeconds()).isCloseTo(7.8, offset(0.05));
    }

    @Test
    void fourteenPersonalQueuesAnswerOnly31Percent() {
        // each personal rep is an M/M/1 queue with a 14th of the calls
        ErlangC personal = ErlangC.of(1, 200 / 14.0, 180);

        assertThat(personal.serviceLevel(20)).isCloseTo(0.308, offset(0.001));
        assertThat(personal.averageWaitSeconds()).isCloseTo(450.0, offset(1.0));
    }

    @Test
    void anOverloadedQueueHasNoServiceLevel() {
        ErlangC overloaded = ErlangC.of(10, 200, 180);

        assertThat(overloaded.stable()).isFalse();
        assertThat(overloaded.serviceLevel(20)).isZero();
        assertThat(overloaded.probabilityOfWaiting()).isEqualTo(1);
    }

}
