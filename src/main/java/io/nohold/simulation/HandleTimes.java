package io.nohold.simulation;

import java.util.SplittableRandom;

/**
 * Draws handle times: exponential with the mean, or log-normal with the mean and standard deviation
 * ({@code spreadSeconds}) of the handle time itself (σ² = ln(1 + s²/m²), μ = ln m − σ²/2).
 */
final class HandleTimes {

    private final Scenario.HandleTime shape;

    HandleTimes(Scenario.HandleTime shape) {
        this.shape = shape;
    }

    double draw(SplittableRandom random) {
        double mean = shape.meanSeconds();
        if (shape.distribution() == Scenario.HandleTime.Distribution.EXPONENTIAL) {
            return -mean * Math.log(1 - random.nextDouble());
        }
        double spread = shape.spreadSeconds();
        double sigma2 = Math.log(1 + spread * spread / (mean * mean));
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian());
    }

}
