package io.nohold.simulation;

/**
 * The textbook M/M/c queue (Erlang C): {@code agents} agents, offered load {@code erlangs} = arrival rate × mean
 * handle time, first come first served, nobody gives up. The simulator's pooled mode is checked against it
 * (docs/simulation.md, "Checked against the textbook").
 */
public record ErlangC(int agents, double erlangs, double handleSeconds) {

    public ErlangC {
        if (agents < 1 || erlangs <= 0 || handleSeconds <= 0) {
            throw new IllegalArgumentException("Erlang C needs at least one agent, a load and a handle time");
        }
    }

    public static ErlangC of(int agents, double callsPerHour, double handleSeconds) {
        return new ErlangC(agents, callsPerHour * handleSeconds / 3600.0, handleSeconds);
    }

    /** Whether the queue is stable (load below the agents); else waits grow without bound. */
    public boolean stable() {
        return erlangs < agents;
    }

    /** The probability that a caller waits at all. */
    public double probabilityOfWaiting() {
        if (!stable()) {
            return 1;
        }
        // sum of A^k/k! for k < c, and A^c/c!, built term by term so that nothing overflows
        double term = 1;
        double sum = 0;
        for (int k = 0; k < agents; k++) {
            sum += term;
            term *= erlangs / (k + 1);
        }
        double top = term * agents / (agents - erlangs);
        return top / (sum + top);
    }

    /** The share of callers answered within {@code seconds}. */
    public double serviceLevel(double seconds) {
        if (!stable()) {
            return 0;
        }
        return 1 - probabilityOfWaiting() * Math.exp(-(agents - erlangs) * seconds / handleSeconds);
    }

    /** The average speed of answer: the mean wait over all callers, in seconds. */
    public double averageWaitSeconds() {
        if (!stable()) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting() * handleSeconds / (agents - erlangs);
    }

}
