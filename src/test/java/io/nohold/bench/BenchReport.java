package io.nohold.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/** The benchmark's figures as a Markdown summary and a chart of intake latency. */
final class BenchReport {

    private BenchReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# NoHold benchmark\n\nMachine: ").append(results.get("machine")).append("\n");
        for (Map.Entry<String, Object> entry : results.entrySet()) {
            if (entry.getKey().equals("machine")) {
                continue;
            }
            Map<String, Object> db = (Map<String, Object>) entry.getValue();
            md.append("\n## ").append(entry.getKey()).append("\n\n### Intake over HTTP\n\n");
            table(md, (Map<String, Object>) db.get("intake"));
            md.append("\n### Cost versus the bare engine (flat out, same callers)\n\n");
            Map<String, Object> cost = (Map<String, Object>) db.get("costVersusBaseline");
            table(md, Map.of("baseline (start → user task, Java API)", cost.get("baseline"), "NoHold intake in-process",
                    cost.get("intakeInProcess"), "NoHold intake over HTTP", cost.get("intakeOverHttp")));
            md.append("\nRatio baseline/intake throughput: over HTTP ").append(cost.get("ratioHttp")).append(", in-process ")
                .append(cost.get("ratioInProcess")).append("\n\n### Growth: intake at 25/s by open cases\n\n");
            table(md, (Map<String, Object>) db.get("growth"));
            md.append("\n### Tasklist filter queries (engine REST, as Tasklist sends them)\n\n");
            Map<String, Object> tasklist = new java.util.LinkedHashMap<>((Map<String, Object>) db.get("tasklist"));
            md.append("Open cases: ").append(tasklist.remove("openCases")).append(", as user ").append(tasklist.remove("asUser")).append("\n\n");
            table(md, tasklist);
            md.append("\n### SLA storm\n\n").append(db.get("slaStorm")).append("\n\n### Memory and size\n\nHeap after full GC: ")
                .append(db.get("heapAfterFullGcMb")).append(" MB; database per closed case: ").append(db.get("databaseBytesPerClosedCase"))
                .append("\n");
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void table(StringBuilder md, Map<String, Object> rows) {
        md.append("| | ops | errors | per s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        rows.forEach((name, value) -> {
            Map<String, Object> row = (Map<String, Object>) value;
            md.append("| ").append(name).append(" | ").append(row.get("operations")).append(" | ").append(row.get("errors"))
                .append(" | ").append(row.get("throughputPerSecond")).append(" | ").append(row.get("p50Ms")).append(" | ")
                .append(row.get("p95Ms")).append(" | ").append(row.get("p99Ms")).append(" |\n");
        });
    }

    /** Bars of p50/p95/p99 intake latency per arrival rate and database. */
    @SuppressWarnings("unchecked")
    static void chart(Map<String, Object> results, Path file) throws IOException {
        List<String> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        results.forEach((db, value) -> {
            if (!db.equals("machine")) {
                ((Map<String, Object>) ((Map<String, Object>) value).get("intake")).forEach((rate, row) -> {
                    Map<String, Object> r = (Map<String, Object>) row;
                    labels.add(db + " " + rate);
                    values.add(new double[] { num(r.get("p50Ms")), num(r.get("p95Ms")), num(r.get("p99Ms")) });
                });
            }
        });
        int width = 160 + labels.size() * 120;
        int height = 420;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double max = values.stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> !Double.isNaN(v)).max().orElse(1);
        int top = 50;
        int bottom = height - 70;
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Intake latency over HTTP (ms): p50, p95, p99", 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1));
        g.drawLine(70, bottom, width - 20, bottom);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(220, 220, 220));
            g.drawLine(70, y, width - 20, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f", max * i / 4), 20, y + 4);
        }
        Color[] colors = { new Color(31, 111, 139), new Color(255, 140, 0), new Color(178, 34, 34) };
        for (int i = 0; i < labels.size(); i++) {
            int x = 90 + i * 120;
            for (int k = 0; k < 3; k++) {
                double v = values.get(i)[k];
                int h = Double.isNaN(v) ? 0 : (int) ((bottom - top) * v / max);
                g.setColor(colors[k]);
                g.fillRect(x + k * 30, bottom - h, 26, h);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels.get(i), x, bottom + 20);
        }
        String[] legend = { "p50", "p95", "p99" };
        for (int k = 0; k < 3; k++) {
            g.setColor(colors[k]);
            g.fillRect(90 + k * 80, height - 30, 14, 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(legend[k], 110 + k * 80, height - 19);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

}
