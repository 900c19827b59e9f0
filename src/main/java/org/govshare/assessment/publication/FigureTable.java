package org.govshare.assessment.publication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.govshare.assessment.AssessmentReport;

/**
 * The figures of a view as one table, for the CSV and the workbook alike: a row per indicator of each department
 * whose detail the caller sees, and a row with its rank and score only for each other department. Cells are
 * {@code Number}s, {@code String}s or null (nothing measured).
 */
final class FigureTable {

    static final List<String> HEADER = List.of("年度 year", "名次 rank", "部门编码 department", "部门 name", "总分 score",
            "指标 indicator", "指标名称 indicator name", "单位 unit", "数值 value", "指标得分 indicator score",
            "依据案卷 cases", "备注 note");

    private FigureTable() {
    }

    static List<List<Object>> rows(AssessmentView view) {
        List<List<Object>> rows = new ArrayList<>();
        for (AssessmentView.Ranked ranked : view.ranking()) {
            List<Object> place = List.of(view.year(), ranked.rank(), ranked.department(), ranked.name(), ranked.score());
            var detail = view.detail(ranked.department());
            if (detail.isEmpty()) {
                rows.add(row(place, null, null, null));
                continue;
            }
            for (AssessmentReport.Indicator indicator : view.indicators()) {
                rows.add(row(place, indicator, detail.get().figures().get(indicator.key()), detail.get()));
            }
        }
        return rows;
    }

    private static List<Object> row(List<Object> place, AssessmentReport.Indicator indicator,
                                    AssessmentReport.Figure figure, AssessmentReport.DepartmentResult detail) {
        List<Object> row = new ArrayList<>(place);
        if (indicator == null) {
            row.addAll(Arrays.asList(null, null, null, null, null, null, null));
            return row;
        }
        row.addAll(Arrays.asList(indicator.key(), indicator.name(), indicator.unit(),
                figure == null ? null : figure.value(), figure == null ? null : figure.score(),
                figure == null ? null : String.join(" ", figure.cases()), figure == null ? null : figure.note()));
        return row;
    }
}
