package dev.spinmixed.bench;

import java.util.Locale;
import java.util.Map;

/** A horizontal bar chart of p50 latency per way of running the pipeline, log scale, as SVG. */
public final class Chart {

    private static final int LABEL_WIDTH = 300;
    private static final int BAR_AREA = 520;
    private static final int ROW = 34;
    private static final int TOP = 56;

    private Chart() {}

    /** {@code p50Us}: label to p50 in microseconds, in display order. */
    public static String svg(String title, Map<String, Double> p50Us) {
        double max = p50Us.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double min = p50Us.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double low = Math.floor(Math.log10(Math.max(min, 0.01)));
        double high = Math.ceil(Math.log10(max));
        if (high <= low) {
            high = low + 1;
        }
        int height = TOP + ROW * p50Us.size() + 40;
        int width = LABEL_WIDTH + BAR_AREA + 110;
        StringBuilder s = new StringBuilder();
        s.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                                + " font-family=\"sans-serif\" font-size=\"13\">%n",
                        width,
                        height));
        s.append(
                String.format(
                        Locale.ROOT,
                        "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
                        width,
                        height));
        s.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                        escape(title)));
        s.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"10\" y=\"44\" fill=\"#555\">p50 latency per order, microseconds,"
                                + " log scale (shorter is faster)</text>%n"));
        for (int decade = (int) low; decade <= (int) high; decade++) {
            double x = LABEL_WIDTH + BAR_AREA * (decade - low) / (high - low);
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                            x,
                            TOP - 4,
                            x,
                            TOP + ROW * p50Us.size()));
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
                                    + " fill=\"#555\">%s</text>%n",
                            x,
                            TOP + ROW * p50Us.size() + 18,
                            decadeLabel(decade)));
        }
        int row = 0;
        for (Map.Entry<String, Double> e : p50Us.entrySet()) {
            int y = TOP + row * ROW;
            double w =
                    Math.max(
                            1,
                            BAR_AREA
                                    * (Math.log10(Math.max(e.getValue(), 0.01)) - low)
                                    / (high - low));
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                            LABEL_WIDTH - 8,
                            y + 20,
                            escape(e.getKey())));
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\"/>%n",
                            LABEL_WIDTH,
                            y + 4,
                            w,
                            row % 2 == 0 ? "#3b6ea5" : "#5b8fc7"));
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                            LABEL_WIDTH + w + 6,
                            y + 20,
                            format(e.getValue())));
            row++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String decadeLabel(int decade) {
        double v = Math.pow(10, decade);
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String format(double us) {
        return us >= 1000
                ? String.format(Locale.ROOT, "%.2f ms", us / 1000)
                : String.format(Locale.ROOT, "%.1f µs", us);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
