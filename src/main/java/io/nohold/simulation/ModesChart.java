package io.nohold.simulation;

import java.util.List;
import java.util.Locale;

/**
 * A small grouped bar chart as SVG: for each share (service level, promises kept, continuity, waited, occupancy) one
 * bar per mode, with the value written on it; the average wait per mode in the legend.
 */
final class ModesChart {

    private static final String[] COLOURS = { "#1f6f8b", "#6b8e23", "#b22222" };

    private static final String[] LABELS = { "service level", "promises kept", "continuity", "waited at all", "occupancy" };

    private ModesChart() {
    }

    static String svg(Scenario scenario, List<RunFigures> runs) {
        int groupWidth = 40 + runs.size() * 46;
        int width = 80 + LABELS.length * groupWidth + 40;
        int height = 360;
        int top = 50;
        int plot = 220;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"24\" font-size=\"15\">%s, %s h, answer target %d s</text>%n",
                scenario.start(), ResultFiles.number(scenario.hours()), scenario.answerTargetSeconds()));
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = top + plot - plot * tick / 100.0;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"60\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"52\" y=\"%.1f\" text-anchor=\"end\">%d %%</text>%n",
                    y, width - 20, y, y + 4, tick));
        }
        for (int g = 0; g < LABELS.length; g++) {
            int x0 = 80 + g * groupWidth;
            for (int m = 0; m < runs.size(); m++) {
                Double value = value(runs.get(m).total(), g);
                double share = value == null ? 0 : value;
                double h = plot * share;
                int x = x0 + m * 46;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"40\" height=\"%.1f\" fill=\"%s\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
                        x, top + plot - h, h, COLOURS[m % COLOURS.length], x + 20, top + plot - h - 4,
                        value == null ? "–" : String.format(Locale.ROOT, "%.0f%%", share * 100)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x0 + runs.size() * 23, top + plot + 18, LABELS[g]));
        }
        for (int m = 0; m < runs.size(); m++) {
            RunFigures.Figures total = runs.get(m).total();
            int y = top + plot + 44 + m * 18;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"80\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"98\" y=\"%d\">%s: average wait %s s, %d contacts</text>%n",
                    y - 10, COLOURS[m % COLOURS.length], y, runs.get(m).mode(), ResultFiles.number(total.asaSeconds()),
                    total.contacts()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static Double value(RunFigures.Figures figures, int index) {
        return switch (index) {
            case 0 -> figures.serviceLevel();
            case 1 -> figures.promisesKept();
            case 2 -> figures.continuity();
            case 3 -> figures.pWait();
            default -> figures.occupancy();
        };
    }

}
