package org.govshare.assessment.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import org.govshare.platform.pdf.PdfPages;
import org.govshare.platform.pdf.PdfPages.Colours;

/**
 * The page's charts drawn again in the PDF as vectors, from the same figures: bars for the scores and for each
 * indicator, lines for the trend over the years. Each draws at a given place and answers the height it took.
 */
final class ReportCharts {

    static final float ROW = 13;
    private static final float LABEL = 118;
    private static final float VALUE = 58;
    /** ECharts' default palette, so the PDF's charts read like the page's. */
    private static final float[][] SERIES = {Colours.rgb(0x5470c6), Colours.rgb(0x91cc75), Colours.rgb(0xfac858),
            Colours.rgb(0xee6666), Colours.rgb(0x73c0de), Colours.rgb(0x3ba272), Colours.rgb(0xfc8452),
            Colours.rgb(0x9a60b4), Colours.rgb(0xea7ccc)};

    /** One bar of a bar chart: its label, its length as a number, and the text shown at its end. */
    record Bar(String label, BigDecimal value, String shown) {
    }

    /** One line of the trend: a department's score in each year, null where it was not assessed. */
    record Series(String name, List<BigDecimal> values) {
    }

    private ReportCharts() {
    }

    /** The colour of the i-th series, the palette repeating. */
    static float[] series(int i) {
        return SERIES[i % SERIES.length];
    }

    static float barsHeight(int bars) {
        return 16 + bars * ROW;
    }

    /** Horizontal bars under a title, from (x, top), scaled to max (the largest bar when null). */
    static float bars(PdfPages pdf, float x, float top, float width, String title, List<Bar> bars, BigDecimal max,
                      float[] colour) {
        pdf.text(x, top - 10, 9, pdf.fit(title, width, 9), Colours.TEXT);
        BigDecimal scale = max != null ? max : bars.stream().map(Bar::value).filter(Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        float room = width - LABEL - VALUE;
        float row = top - 16;
        for (Bar bar : bars) {
            pdf.text(x, row - 9.5f, 7.5f, pdf.fit(bar.label(), LABEL - 6, 7.5f), Colours.TEXT);
            pdf.rect(x + LABEL, row - ROW + 2, room, ROW - 4, Colours.BAND);
            if (bar.value() != null && scale.signum() > 0) {
                float length = (float) Math.max(0, Math.min(1, bar.value().doubleValue() / scale.doubleValue())) * room;
                pdf.rect(x + LABEL, row - ROW + 2, length, ROW - 4, colour);
            }
            pdf.text(x + LABEL + room + 4, row - 9.5f, 7.5f, bar.shown(), Colours.MUTED);
            row -= ROW;
        }
        return top - row;
    }

    /** The trend: a line per department over the years, with a legend below; answers the height taken. */
    static float trend(PdfPages pdf, float x, float top, float width, float height, List<Integer> years,
                       List<Series> series) {
        float left = x + 30;
        float bottom = top - height;
        float plotWidth = width - 40;
        BigDecimal max = series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        double ceiling = niceCeiling(max.doubleValue());
        for (int i = 0; i <= 4; i++) {
            float gy = bottom + height * i / 4;
            pdf.stroke(0.4f, Colours.LINE, left, gy, left + plotWidth, gy);
            pdf.textRight(left - 4, gy - 2.5f, 7, BigDecimal.valueOf(ceiling * i / 4).setScale(0, RoundingMode.HALF_UP)
                    .toPlainString(), Colours.MUTED);
        }
        for (int i = 0; i < years.size(); i++) {
            pdf.text(xOf(left, plotWidth, i, years.size()) - 8, bottom - 11, 7.5f, String.valueOf(years.get(i)),
                    Colours.MUTED);
        }
        for (int s = 0; s < series.size(); s++) {
            float[] colour = series(s);
            float[] previous = null;
            for (int i = 0; i < years.size(); i++) {
                BigDecimal value = series.get(s).values().get(i);
                if (value == null) {
                    previous = null;
                    continue;
                }
                float px = xOf(left, plotWidth, i, years.size());
                float py = bottom + (float) (value.doubleValue() / ceiling) * height;
                if (previous != null) {
                    pdf.stroke(1.4f, colour, previous[0], previous[1], px, py);
                }
                pdf.rect(px - 2, py - 2, 4, 4, colour);
                previous = new float[] {px, py};
            }
        }
        return height + 18 + legend(pdf, x, bottom - 20, width, series.stream().map(Series::name).toList());
    }

    private static float legend(PdfPages pdf, float x, float top, float width, List<String> names) {
        float lx = x;
        float ly = top;
        for (int i = 0; i < names.size(); i++) {
            float itemWidth = 14 + pdf.width(names.get(i), 7.5f) + 12;
            if (lx + itemWidth > x + width) {
                lx = x;
                ly -= 12;
            }
            pdf.rect(lx, ly - 7, 9, 6, series(i));
            pdf.text(lx + 12, ly - 7, 7.5f, names.get(i), Colours.TEXT);
            lx += itemWidth;
        }
        return top - ly + 12;
    }

    private static float xOf(float left, float width, int i, int count) {
        return count == 1 ? left + width / 2 : left + 10 + (width - 20) * i / (count - 1);
    }

    /** 1, 2 or 5 times a power of ten, at least the value: the top of the scale. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
