package io.nohold.testsupport;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every application test starts on an ordinary working morning: the engine clock runs from Wednesday 3 March 2027,
 * 09:00 UTC (10:00 in Berlin, Rome, Warsaw and Paris), when every demo region is open and no holiday falls, plus the
 * real time that has passed since the first test of this run. Promises count business hours, so a test that ran at
 * night or on a Sunday would otherwise see other deadlines than one run at noon. A test that needs another moment
 * sets the clock itself; the next test starts on the working morning again.
 */
public class WorkingDayClock implements BeforeEachCallback {

    /** Wednesday 3 March 2027, 10:00 in the demo regions' zones. */
    public static final Instant WEDNESDAY_MORNING = Instant.parse("2027-03-03T09:00:00Z");

    /** The same offset for the whole run, so that time keeps moving forward from test to test. */
    private static final long OFFSET = WEDNESDAY_MORNING.toEpochMilli() - System.currentTimeMillis();

    @Override
    public void beforeEach(ExtensionContext context) {
        pin();
    }

    /** Back to the running working-day clock. */
    public static void pin() {
        ClockUtil.offset(OFFSET);
    }

}
