package org.govshare.assessment.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.govshare.assessment.AssessmentReport;

/** A figure as a reader reads it, by its indicator's unit: a share as a percentage, days as working days. */
final class FigureText {

    private FigureText() {
    }

    static String of(AssessmentReport.Indicator indicator, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return switch (indicator.unit()) {
            case "share" -> plain(value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)) + "%";
            case "working-days" -> plain(value.setScale(1, RoundingMode.HALF_UP)) + " 个工作日";
            default -> plain(value);
        };
    }

    static String score(BigDecimal score) {
        return score == null ? "—" : plain(score.setScale(2, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
