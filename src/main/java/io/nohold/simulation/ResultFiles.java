package io.nohold.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes what a simulation found: {@code result.json}, {@code summary.md} and, for several modes, {@code modes.svg}. */
final class ResultFiles {

    static final ObjectMapper JSON = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private ResultFiles() {
    }

    static void write(Path out, Scenario scenario, List<RunFigures> runs) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", scenario);
        Map<String, RunFigures> byMode = new LinkedHashMap<>();
        runs.forEach(run -> byMode.put(run.mode(), run));
        result.put("results", byMode);
        JSON.writeValue(out.resolve("result.json").toFile(), result);
        Files.writeString(out.resolve("summary.md"), summary(scenario, runs));
        if (runs.size() > 1) {
            Files.writeString(out.resolve("modes.svg"), ModesChart.svg(scenario, runs));
        }
    }

    static String line(RunFigures figures) {
        RunFigures.Figures t = figures.total();
        return String.format(Locale.ROOT,
                "%-8s %d contacts: service level %s, ASA %s s, promises kept %s, continuity %s, handovers %s, escalations %d, occupancy %s (%.1f s)",
                figures.mode(), t.contacts(), percent(t.serviceLevel()), number(t.asaSeconds()), percent(t.promisesKept()),
                percent(t.continuity()), t.handoversByRing(), t.escalations(), percent(t.occupancy()),
                figures.run().seconds());
    }

    static String summary(Scenario scenario, List<RunFigures> runs) {
        StringBuilder md = new StringBuilder();
        md.append("# Simulation of ").append(scenario.start()).append(", ")
            .append(number(scenario.hours())).append(" h, seed ").append(scenario.seed()).append("\n\n");
        md.append("Answer target ").append(scenario.answerTargetSeconds()).append(" s; handle time ")
            .append(scenario.handleTime().distribution().name().toLowerCase(Locale.ROOT)).append(", mean ")
            .append(number(scenario.handleTime().meanSeconds())).append(" s");
        if (scenario.handleTime().spreadSeconds() != null) {
            md.append(", spread ").append(number(scenario.handleTime().spreadSeconds())).append(" s");
        }
        md.append("; regions: ");
        md.append(String.join(", ", scenario.regions().stream()
            .map(r -> r.id() + " (" + r.reps() + " reps, " + number(r.arrivalsPerHour()) + " contacts/h)")
            .toList()));
        md.append(".\n\n## In total\n\n");
        table(md, runs, run -> run.total(), "mode", RunFigures::mode);
        for (String region : runs.get(0).regions().keySet()) {
            md.append("\n## Region ").append(region).append("\n\n");
            table(md, runs, run -> run.regions().get(region), "mode", RunFigures::mode);
        }
        md.append("\nService level: share reached by a person within the answer target; waited: share not reached at ")
            .append("once; ASA: mean wait of those reached; promises kept: reached by the promised time; continuity: ")
            .append("reached by the customer's own rep; handovers: backup / team / supervisor. See docs/simulation.md.\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<RunFigures> runs,
            java.util.function.Function<RunFigures, RunFigures.Figures> figures, String label,
            java.util.function.Function<RunFigures, String> name) {
        md.append("| ").append(label)
            .append(" | contacts | service level | waited | ASA s | wait P50 s | wait P90 s | promises kept | continuity | handovers b/t/s | escalations | occupancy | unreached |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n");
        for (RunFigures run : runs) {
            RunFigures.Figures f = figures.apply(run);
            Map<String, Long> rings = f.handoversByRing();
            md.append("| ").append(name.apply(run)).append(" | ").append(f.contacts()).append(" | ")
                .append(percent(f.serviceLevel())).append(" | ").append(percent(f.pWait())).append(" | ")
                .append(number(f.asaSeconds())).append(" | ").append(number(f.waitP50Seconds())).append(" | ")
                .append(number(f.waitP90Seconds())).append(" | ").append(percent(f.promisesKept())).append(" | ")
                .append(percent(f.continuity())).append(" | ").append(rings.get("backup")).append(" / ")
                .append(rings.get("team")).append(" / ").append(rings.get("supervisor")).append(" | ")
                .append(f.escalations()).append(" | ").append(percent(f.occupancy())).append(" | ")
                .append(f.unsettled()).append(" |\n");
        }
    }

    static void writeErlangC(Path out, Scenario scenario, List<ErlangCCheck.Row> rows) throws IOException {
        JSON.writeValue(out.resolve("erlang-c.json").toFile(), Map.of("scenario", scenario, "rows", rows));
        StringBuilder md = new StringBuilder();
        Scenario.RegionSpec region = scenario.regions().get(0);
        md.append("# Pooled mode against Erlang C\n\n").append(number(region.arrivalsPerHour()))
            .append(" contacts/h, exponential handle time ").append(number(scenario.handleTime().meanSeconds()))
            .append(" s, answer target ").append(scenario.answerTargetSeconds()).append(" s, ")
            .append(number(scenario.hours())).append(" h simulated per run, seed ").append(scenario.seed()).append(".\n\n");
        if (rows.stream().anyMatch(row -> row.replications() > 1)) {
            md.append("Each row is the mean of ").append(rows.get(0).replications())
                .append(" runs with the seeds from ").append(scenario.seed())
                .append(" on, ± the half-width of its 95 % confidence interval (Student's t over the runs).\n\n");
            md.append("| agents | runs | contacts | service level: Erlang C / simulated | ASA s: Erlang C / simulated | waited: Erlang C / simulated |\n");
            md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (ErlangCCheck.Row row : rows) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f %% / %.1f ± %.1f %% | %.1f / %.1f ± %.1f | %.1f %% / %.1f ± %.1f %% |%n",
                        row.agents(), row.replications(), row.contacts(), row.expectedServiceLevel() * 100,
                        row.serviceLevel() * 100, row.serviceLevelMargin() * 100, row.expectedAsaSeconds(), row.asaSeconds(),
                        row.asaMargin(), row.expectedPWait() * 100, row.pWait() * 100, row.pWaitMargin() * 100));
            }
        }
        else {
            md.append("Erlang C twice: for the nominal load, and for the load the run was given (its arrivals and mean handle time).\n\n");
            md.append("| agents | contacts | Erlangs of the draw | service level: nominal / draw / simulated | ASA s: nominal / draw / simulated | waited: nominal / draw / simulated |\n");
            md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (ErlangCCheck.Row row : rows) {
                md.append(String.format(Locale.ROOT,
                        "| %d | %d | %.2f | %.1f %% / %.1f %% / %.1f %% | %.1f / %.1f / %.1f | %.1f %% / %.1f %% / %.1f %% |%n",
                        row.agents(), row.contacts(), row.drawErlangs(), row.expectedServiceLevel() * 100,
                        row.drawServiceLevel() * 100, row.serviceLevel() * 100, row.expectedAsaSeconds(), row.drawAsaSeconds(),
                        row.asaSeconds(), row.expectedPWait() * 100, row.drawPWait() * 100, row.pWait() * 100));
            }
        }
        Files.writeString(out.resolve("summary.md"), md.toString());
    }

    static void writeStaffing(Path out, Scenario scenario, StaffingSearch.Answer answer) throws IOException {
        JSON.writeValue(out.resolve("staffing.json").toFile(), Map.of("scenario", scenario, "answer", answer));
        StringBuilder md = new StringBuilder();
        md.append("# Staffing for region ").append(answer.region()).append("\n\n").append(staffingLine(answer))
            .append("\n\n| reps | promises kept | continuity | service level | meets both |\n| ---: | ---: | ---: | ---: | --- |\n");
        for (StaffingSearch.Tried tried : answer.tried()) {
            md.append("| ").append(tried.reps()).append(" | ").append(percent(tried.promisesKept())).append(" | ")
                .append(percent(tried.continuity())).append(" | ").append(percent(tried.serviceLevel())).append(" | ")
                .append(tried.meets() ? "yes" : "no").append(" |\n");
        }
        Files.writeString(out.resolve("summary.md"), md.toString());
    }

    static String staffingLine(StaffingSearch.Answer answer) {
        String targets = "promises kept >= " + percent(answer.targetKept()) + " and continuity >= "
                + percent(answer.targetContinuity()) + " in mode " + answer.mode().id();
        return answer.reps() == null ? "region " + answer.region() + ": no number of reps up to the maximum reaches " + targets
                : "region " + answer.region() + ": " + answer.reps() + " reps on shift are the fewest with " + targets;
    }

    static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String number(Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }

}
