package io.nohold.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.nohold.casefile.Channel;

/**
 * The contacts of a scenario, drawn from its seed: per region a Poisson stream whose rate is
 * {@code arrivalsPerHour} times the hour's factor of {@code hourlyProfile} (repeated when shorter than the period),
 * channels by their shares, customers evenly from the region's population, and a handle time for each. The same seed
 * gives the same contacts in every mode, so modes are compared on the same day.
 */
final class Arrivals {

    private Arrivals() {
    }

    static List<Arrival> draw(Scenario scenario, List<Integer> populations) {
        SplittableRandom root = new SplittableRandom(scenario.seed());
        HandleTimes handleTimes = new HandleTimes(scenario.handleTime());
        List<Arrival> all = new ArrayList<>();
        Instant start = scenario.start().toInstant();
        Duration length = scenario.length();
        for (int r = 0; r < scenario.regions().size(); r++) {
            Scenario.RegionSpec region = scenario.regions().get(r);
            SplittableRandom times = root.split();
            SplittableRandom choices = root.split();
            SplittableRandom handling = root.split();
            Map<Channel, Double> channels = channels(region);
            double total = channels.values().stream().mapToDouble(Double::doubleValue).sum();
            long hours = (long) Math.ceil(length.toMillis() / 3_600_000.0);
            for (long h = 0; h < hours; h++) {
                double rate = region.arrivalsPerHour() * factor(region, (int) h);
                if (rate <= 0) {
                    continue;
                }
                double hourStart = h * 3600.0;
                double hourEnd = Math.min((h + 1) * 3600.0, length.toMillis() / 1000.0);
                double t = hourStart;
                while (true) {
                    t += -Math.log(1 - times.nextDouble()) * 3600.0 / rate;
                    if (t >= hourEnd) {
                        break;
                    }
                    Instant at = start.plusMillis(Math.round(t * 1000));
                    all.add(new Arrival(0, at, r, channel(channels, total, choices.nextDouble()),
                            choices.nextInt(populations.get(r)), handleTimes.draw(handling)));
                }
            }
        }
        all.sort(Comparator.comparing(Arrival::at).thenComparingInt(Arrival::region));
        List<Arrival> numbered = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Arrival a = all.get(i);
            numbered.add(new Arrival(i + 1, a.at(), a.region(), a.channel(), a.customer(), a.handleSeconds()));
        }
        return numbered;
    }

    private static double factor(Scenario.RegionSpec region, int hour) {
        List<Double> profile = region.hourlyProfile();
        return profile == null || profile.isEmpty() ? 1.0 : profile.get(hour % profile.size());
    }

    private static Map<Channel, Double> channels(Scenario.RegionSpec region) {
        Map<Channel, Double> shares = new EnumMap<>(Channel.class);
        if (region.channels() == null || region.channels().isEmpty()) {
            shares.put(Channel.PHONE, 1.0);
        }
        else {
            region.channels().forEach((channel, share) -> {
                if (share > 0) {
                    shares.put(channel, share);
                }
            });
        }
        return shares;
    }

    private static Channel channel(Map<Channel, Double> shares, double total, double u) {
        double point = u * total;
        Channel last = null;
        for (Map.Entry<Channel, Double> share : shares.entrySet()) {
            last = share.getKey();
            point -= share.getValue();
            if (point < 0) {
                return last;
            }
        }
        return last;
    }

}
