package org.govshare.assessment.publication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.govshare.assessment.AssessmentReport;
import org.govshare.assessment.publication.ReportCharts.Bar;
import org.govshare.platform.pdf.DocumentFont;
import org.govshare.platform.pdf.PdfPages;
import org.govshare.platform.pdf.PdfPages.Colours;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF, made on the server from a view: the ranking with a chart of the scores, the trend over the
 * years assessed, a chart of each indicator across the departments whose detail the caller sees, and a page per
 * such department with its figures, the chart of its indicator scores, the authority's opinion and improvement
 * points, and the cases behind its figures. Chinese text in an embedded font (see {@link DocumentFont}).
 */
@Component
class AssessmentPdf {

    /** The zone the report's dates are read in. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    private static final float CONTENT = PdfPages.RIGHT - PdfPages.MARGIN;

    private final DocumentFont font;

    AssessmentPdf(DocumentFont font) {
        this.font = font;
    }

    /** The report of the view; years gives the rankings of every published year, for the trend. */
    byte[] write(AssessmentView view, List<AssessmentView.YearRanking> years) {
        return write(view, years, null, null);
    }

    /** The report as the authority issues it: closed with its name and the date, where its seal goes. */
    byte[] writeIssued(AssessmentView view, List<AssessmentView.YearRanking> years, String issuer, LocalDate on) {
        return write(view, years, issuer, on);
    }

    private byte[] write(AssessmentView view, List<AssessmentView.YearRanking> years, String issuer, LocalDate on) {
        String title = title(view.year());
        try (PdfPages pdf = new PdfPages(font.open(), title, "GovShare · " + title)) {
            rankingPage(pdf, view, title);
            trend(pdf, view, years.stream().filter(y -> y.year() <= view.year()).toList());
            indicators(pdf, view);
            for (AssessmentReport.DepartmentResult department : view.details()) {
                departmentPage(pdf, view, department);
            }
            if (issuer != null) {
                pdf.closingUnderTheSeal(issuer, on);
            }
            return pdf.save();
        }
    }

    static String title(int year) {
        return year + " 年度政务信息资源共享工作考核报告";
    }

    private static void rankingPage(PdfPages pdf, AssessmentView view, String title) {
        pdf.newPage();
        pdf.line(18, title, Colours.TEXT);
        pdf.line(9, "Annual assessment of information sharing, " + view.year() + " (Art. 31)", Colours.MUTED);
        pdf.line(8.5f, "评分规则 Rule pack：" + view.rulePack() + "　发布日期 Published：" + day(view.publishedAt())
                + (view.reviewedBy() == null ? "" : "　审核 Reviewed by：" + view.reviewedBy()), Colours.MUTED);
        if (view.sha256() != null) {
            pdf.line(7, "SHA-256：" + view.sha256(), Colours.MUTED);
        }
        pdf.down(8);
        heading(pdf, "排名 Ranking");
        row(pdf, new float[] {40, 330}, Colours.MUTED, "名次", "部门", "总分");
        for (AssessmentView.Ranked ranked : view.ranking()) {
            row(pdf, new float[] {40, 330}, Colours.TEXT, String.valueOf(ranked.rank()), ranked.name(),
                    FigureText.score(ranked.score()));
        }
        pdf.down(10);
        List<Bar> bars = view.ranking().stream().map(r -> new Bar(r.name(), r.score(), FigureText.score(r.score()))).toList();
        chart(pdf, "各部门得分 Score per department", bars, null, ReportCharts.series(0));
    }

    private static void trend(PdfPages pdf, AssessmentView view, List<AssessmentView.YearRanking> years) {
        List<Integer> shownYears = years.stream().map(AssessmentView.YearRanking::year).toList();
        Map<String, String> names = new java.util.LinkedHashMap<>();
        view.ranking().forEach(r -> names.put(r.department(), r.name()));
        years.forEach(y -> y.ranking().forEach(r -> names.putIfAbsent(r.department(), r.name())));
        List<ReportCharts.Series> series = new ArrayList<>();
        names.forEach((code, name) -> series.add(new ReportCharts.Series(name, years.stream().map(y -> y.ranking().stream()
                .filter(r -> r.department().equals(code)).map(AssessmentView.Ranked::score).findFirst().orElse(null))
                .toList())));
        pdf.need(260);
        pdf.down(10);
        heading(pdf, "历年得分趋势 Trend over the years assessed");
        float used = ReportCharts.trend(pdf, PdfPages.MARGIN, pdf.y() - 6, CONTENT, 170, shownYears, series);
        pdf.down(used + 10);
    }

    /** A chart of each indicator, across the departments whose detail the view holds. */
    private static void indicators(PdfPages pdf, AssessmentView view) {
        if (view.details().size() < 2) {
            return;
        }
        pdf.need(60);
        heading(pdf, "各项指标 Each indicator");
        float column = (CONTENT - 20) / 2;
        float height = ReportCharts.barsHeight(view.details().size()) + 8;
        List<AssessmentReport.Indicator> indicators = view.indicators();
        for (int i = 0; i < indicators.size(); i += 2) {
            pdf.need(height);
            float top = pdf.y();
            for (int c = 0; c < 2 && i + c < indicators.size(); c++) {
                AssessmentReport.Indicator indicator = indicators.get(i + c);
                List<Bar> bars = view.details().stream().map(d -> {
                    AssessmentReport.Figure figure = d.figures().get(indicator.key());
                    BigDecimal value = figure == null ? null : figure.value();
                    return new Bar(d.name(), value, FigureText.of(indicator, value));
                }).toList();
                ReportCharts.bars(pdf, PdfPages.MARGIN + c * (column + 20), top, column, indicator.name(), bars,
                        "share".equals(indicator.unit()) ? BigDecimal.ONE : null, ReportCharts.series(1 + (i + c) % 8));
            }
            pdf.down(height);
        }
    }

    private static void departmentPage(PdfPages pdf, AssessmentView view, AssessmentReport.DepartmentResult d) {
        pdf.newPage();
        pdf.line(16, d.name(), Colours.TEXT);
        pdf.line(9, d.department() + "　第 " + d.rank() + " 名 / 共 " + view.ranking().size() + " 个部门　总分 "
                + FigureText.score(d.score()), Colours.MUTED);
        pdf.down(6);
        heading(pdf, "考核指标 Figures");
        float[] columns = {190, 280, 330, 370};
        row(pdf, columns, Colours.MUTED, "指标", "数值", "得分", "案卷", "备注");
        for (AssessmentReport.Indicator indicator : view.indicators()) {
            AssessmentReport.Figure figure = d.figures().get(indicator.key());
            row(pdf, columns, Colours.TEXT, indicator.name(), FigureText.of(indicator, figure == null ? null : figure.value()),
                    FigureText.score(figure == null ? null : figure.score()),
                    figure == null ? "0" : String.valueOf(figure.cases().size()),
                    figure == null || figure.note() == null ? "" : figure.note());
        }
        pdf.down(8);
        chart(pdf, "各项指标得分 Score of each indicator", view.indicators().stream().map(indicator -> {
            AssessmentReport.Figure figure = d.figures().get(indicator.key());
            BigDecimal score = figure == null ? null : figure.score();
            return new Bar(indicator.name(), score, FigureText.score(score));
        }).toList(), null, ReportCharts.series(0));
        heading(pdf, "审核意见 Opinion");
        pdf.paragraph(PdfPages.MARGIN, CONTENT, 9, d.opinion() == null ? "—" : d.opinion(), Colours.TEXT);
        pdf.down(4);
        heading(pdf, "改进要求 Improvements");
        List<String> improvements = d.improvements();
        if (improvements.isEmpty()) {
            pdf.paragraph(PdfPages.MARGIN, CONTENT, 9, "—", Colours.TEXT);
        }
        for (int i = 0; i < improvements.size(); i++) {
            pdf.paragraph(PdfPages.MARGIN, CONTENT, 9, (i + 1) + ". " + improvements.get(i), Colours.TEXT);
        }
        pdf.down(4);
        List<AssessmentReport.Indicator> noted = view.indicators().stream().filter(i -> d.figures().get(i.key()) != null
                && d.figures().get(i.key()).note() != null).toList();
        if (!noted.isEmpty()) {
            heading(pdf, "指标备注 Notes on the figures");
            for (AssessmentReport.Indicator indicator : noted) {
                pdf.paragraph(PdfPages.MARGIN, CONTENT, 8.5f, indicator.name() + "：" + d.figures().get(indicator.key()).note(),
                        Colours.TEXT);
            }
            pdf.down(4);
        }
        heading(pdf, "依据案卷 Cases behind the figures");
        for (AssessmentReport.Indicator indicator : view.indicators().stream().filter(i -> hasCases(d, i)).toList()) {
            pdf.paragraph(PdfPages.MARGIN, CONTENT, 8, indicator.name() + "：" + String.join("，",
                    d.figures().get(indicator.key()).cases()), Colours.TEXT);
        }
    }

    private static boolean hasCases(AssessmentReport.DepartmentResult d, AssessmentReport.Indicator indicator) {
        AssessmentReport.Figure figure = d.figures().get(indicator.key());
        return figure != null && !figure.cases().isEmpty();
    }

    private static void chart(PdfPages pdf, String title, List<Bar> bars, BigDecimal max, float[] colour) {
        float height = ReportCharts.barsHeight(bars.size());
        pdf.need(height + 6);
        ReportCharts.bars(pdf, PdfPages.MARGIN, pdf.y(), CONTENT, title, bars, max, colour);
        pdf.down(height + 6);
    }

    private static void heading(PdfPages pdf, String text) {
        pdf.need(40);
        pdf.line(11, text, Colours.TEXT);
        pdf.stroke(0.6f, Colours.LINE, PdfPages.MARGIN, pdf.y(), PdfPages.RIGHT, pdf.y());
        pdf.down(2);
    }

    /** A table row: cells start at the margin and at each offset; the last one runs to the right margin. */
    private static void row(PdfPages pdf, float[] offsets, float[] colour, String... cells) {
        pdf.need(ReportCharts.ROW);
        float baseline = pdf.y() - 9.5f;
        for (int i = 0; i < cells.length; i++) {
            float x = PdfPages.MARGIN + (i == 0 ? 0 : offsets[i - 1]);
            float end = i < offsets.length ? PdfPages.MARGIN + offsets[i] : PdfPages.RIGHT;
            pdf.text(x, baseline, 8.5f, pdf.fit(cells[i], end - x - 6, 8.5f), colour);
        }
        pdf.down(ReportCharts.ROW);
    }

    private static String day(Instant instant) {
        return instant == null ? "—" : DAY.format(instant);
    }
}
