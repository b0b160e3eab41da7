package com.fastlightchat.loadgen.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latency-by-percentile plot of HdrHistogram as SVG: the x axis spreads the percentiles out logarithmically
 * (0 %, 90 %, 99 %, 99.9 %, …, so the tail is visible), the y axis is latency in milliseconds on a log scale, with the
 * 150 ms floor of the specification and our 50 ms goal drawn in.
 */
public final class LatencyPlot {

    /** One line of the plot; the histogram is in microseconds. */
    public record Series(String label, Histogram micros) {
    }

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#17becf"};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 260;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double MAX_X = 5; // 99.999 %

    private LatencyPlot() {
    }

    public static String svg(String title, List<Series> series) {
        double maxMs = 200;
        double minMs = 1;
        for (Series s : series) {
            if (s.micros().getTotalCount() > 0) {
                maxMs = Math.max(maxMs, s.micros().getMaxValue() / 1000.0);
                minMs = Math.min(minMs, Math.max(0.05, s.micros().getMinValue() / 1000.0));
            }
        }
        double logMin = Math.floor(Math.log10(minMs));
        double logMax = Math.ceil(Math.log10(maxMs));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        String[] xLabels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= MAX_X; i++) {
            double x = LEFT + plotWidth * i / MAX_X;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    x, TOP, x, TOP + plotHeight));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + plotHeight + 18, xLabels[i]));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 18));
        for (double decade = logMin; decade <= logMax; decade++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double ms = mantissa * Math.pow(10, decade);
                double y = y(ms, logMin, logMax, plotHeight);
                if (y < TOP - 0.5 || y > TOP + plotHeight + 0.5) {
                    continue;
                }
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                        LEFT, y, LEFT + plotWidth, y));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                        LEFT - 6, y + 4, Goal.format(ms)));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" "
                + "text-anchor=\"middle\">latency (ms, log scale)</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2));
        for (double[] limit : new double[][] {{150, 0}, {50, 1}}) {
            double y = y(limit[0], logMin, logMax, plotHeight);
            if (y >= TOP && y <= TOP + plotHeight) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                                + "stroke-dasharray=\"6 4\"/>%n", LEFT, y, LEFT + plotWidth, y,
                        limit[1] == 0 ? "#c00" : "#888"));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s</text>%n",
                        LEFT + 4, y - 4, limit[1] == 0 ? "#c00" : "#666",
                        limit[1] == 0 ? "150 ms (specification)" : "50 ms (goal p99)"));
            }
        }
        int legendY = TOP + 10;
        int index = 0;
        for (Series s : series) {
            if (s.micros().getTotalCount() == 0) {
                continue;
            }
            String color = COLORS[index++ % COLORS.length];
            List<String> points = new ArrayList<>();
            for (HistogramIterationValue value : s.micros().percentiles(5)) {
                double fraction = value.getPercentileLevelIteratedTo() / 100.0;
                double xValue = fraction >= 1 ? MAX_X : Math.min(MAX_X, Math.log10(1 / (1 - fraction)));
                double ms = Math.max(Math.pow(10, logMin), value.getValueIteratedTo() / 1000.0);
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + plotWidth * xValue / MAX_X,
                        y(ms, logMin, logMax, plotHeight)));
                if (fraction >= 1) {
                    break;
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    color, String.join(" ", points)));
            Latency latency = Latency.of(s.micros());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
                    WIDTH - RIGHT + 14, legendY, color));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 34,
                    legendY + 6, escape(s.label())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-size=\"11\">p50 %s · p99 %s · max %s ms</text>%n",
                    WIDTH - RIGHT + 34, legendY + 20, latency.p50(), latency.p99(), latency.max()));
            legendY += 36;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double y(double ms, double logMin, double logMax, int plotHeight) {
        double fraction = (Math.log10(ms) - logMin) / (logMax - logMin);
        return TOP + plotHeight * (1 - fraction);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
