package org.govshare.assessment.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.govshare.assessment.AssessmentReport;
import org.govshare.assessment.AssessmentReport.DepartmentResult;
import org.govshare.assessment.AssessmentReport.Figure;
import org.govshare.assessment.AssessmentReport.Indicator;

/**
 * Published-looking reports for the publication tests, for the demo departments: each department's detail carries
 * markers found nowhere else (its case numbers, an opinion, improvement and note token), so a test can tell whether
 * an answer leaked another department's detail. The figures are made up here; computing them is not under test.
 */
final class AssessmentFixture {

    /** The assessed demo departments and their Chinese names, as DemoData registers them. */
    static final Map<String, String> DEPARTMENTS = departments();
    /** A login of each assessed department, holding no role that sees all. */
    static final Map<String, String> LOGINS = Map.of("public-security", "gaj.zhang", "civil-affairs", "mzj.liu",
            "market-supervision", "scj.yang", "human-resources", "rsj.zhou", "jinshui-civil-affairs", "jsq.xu");
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("catalog-resources", "目录登记资源数", "catalog", "count", new BigDecimal("10")),
            new Indicator("requests-answered-on-time", "申请按时答复率", "requests", "share", new BigDecimal("25")),
            new Indicator("requests-median-reply", "答复用时中位数", "requests", "working-days", BigDecimal.ZERO),
            new Indicator("corrections-answered-on-time", "纠错按时办结率", "corrections", "share", new BigDecimal("15")),
            new Indicator("reads-by-others", "数据被调用次数", "use", "count", new BigDecimal("20")),
            new Indicator("violations-rectified-on-time", "违规按期整改率", "violations", "share", new BigDecimal("30")));

    /** The years the publication tests publish; the other assessment tests keep to other years of the shared database. */
    static final List<Integer> YEARS = List.of(2019, 2020, 2021);

    private AssessmentFixture() {
    }

    /** Publishes the fixture's years once per database: the cached context runs every integration test against it. */
    static void publishOnce(org.govshare.assessment.PublishedAssessments published) {
        for (int year : YEARS) {
            if (published.find(year).isEmpty()) {
                published.publish(report(year), "authority.li");
            }
        }
    }

    private static Map<String, String> departments() {
        Map<String, String> departments = new LinkedHashMap<>();
        departments.put("public-security", "郑州市公安局");
        departments.put("civil-affairs", "郑州市民政局");
        departments.put("market-supervision", "郑州市市场监督管理局");
        departments.put("human-resources", "郑州市人力资源和社会保障局");
        departments.put("jinshui-civil-affairs", "金水区民政局");
        return departments;
    }

    /** The year's report: the ranking moves a little from year to year, so the trend has something to show. */
    static AssessmentReport report(int year) {
        List<String> codes = new ArrayList<>(DEPARTMENTS.keySet());
        List<DepartmentResult> results = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            int place = (i + year) % codes.size();
            BigDecimal score = new BigDecimal("94.5").subtract(BigDecimal.valueOf(place * 6.25)).add(BigDecimal.valueOf((year - 2019) * 1.5))
                    .setScale(2, RoundingMode.HALF_UP);
            results.add(department(year, codes.get(i), score, place + 1, new Random(year * 31L + i)));
        }
        results.sort(java.util.Comparator.comparingInt(DepartmentResult::rank));
        return new AssessmentReport(year, "zhengzhou-2019 v1", INDICATORS, results,
                Instant.parse(year + 1 + "-01-15T02:00:00Z"), "authority.li");
    }

    /** Markers that only this department's detail in this year's report carries. */
    static List<String> markers(int year, String department) {
        int index = new ArrayList<>(DEPARTMENTS.keySet()).indexOf(department) + 1;
        return List.of(caseNumber("GX", year, index, 1), caseNumber("WG", year, index, 1), "OP-" + department + "-" + year,
                "IMP-" + department + "-" + year, "NOTE-" + department + "-" + year);
    }

    /**
     * The same report with every detail but the kept department's made up anew: the world a caller from that
     * department must not be able to tell from the original.
     */
    static AssessmentReport hiddenChanged(AssessmentReport report, String kept, long seed) {
        Random random = new Random(seed);
        return new AssessmentReport(report.year(), report.rulePack(), report.indicators(), report.departments().stream()
                .map(d -> d.department().equals(kept) ? d : department(report.year(), d.department(), d.score(), d.rank(), random))
                .toList(), report.computedAt(), report.reviewedBy());
    }

    private static DepartmentResult department(int year, String code, BigDecimal score, int rank, Random random) {
        int index = new ArrayList<>(DEPARTMENTS.keySet()).indexOf(code) + 1;
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("catalog-resources", figure(BigDecimal.valueOf(20 + random.nextInt(80)), random, List.of(), null));
        figures.put("requests-answered-on-time", figure(share(random), random,
                List.of(caseNumber("GX", year, index, 1), caseNumber("GX", year, index, 2 + random.nextInt(50))),
                "NOTE-" + code + "-" + year + "：两件答复逾期已说明原因"));
        figures.put("requests-median-reply", figure(BigDecimal.valueOf(2 + random.nextInt(80), 1), random, List.of(), null));
        figures.put("corrections-answered-on-time", random.nextInt(4) == 0 ? figure(null, random, List.of(), null)
                : figure(share(random), random, List.of(caseNumber("JC", year, index, 1 + random.nextInt(9))), null));
        figures.put("reads-by-others", figure(BigDecimal.valueOf(1000 + random.nextInt(90000)), random, List.of(), null));
        figures.put("violations-rectified-on-time", figure(share(random), random,
                List.of(caseNumber("WG", year, index, 1), caseNumber("ZG", year, index, 1 + random.nextInt(9))), null));
        String name = DEPARTMENTS.get(code);
        return new DepartmentResult(code, name, score, rank, figures,
                "OP-" + code + "-" + year + " " + name + "按时答复和目录维护总体良好，违规整改仍需加快。",
                List.of("IMP-" + code + "-" + year + " 建立答复时限提醒机制", "按更新周期维护数据，逾期不超过 " + (1 + random.nextInt(5)) + " 个工作日"));
    }

    private static Figure figure(BigDecimal value, Random random, List<String> cases, String note) {
        BigDecimal score = value == null ? null : BigDecimal.valueOf(random.nextInt(3000), 2);
        return new Figure(value, score, cases, note);
    }

    private static BigDecimal share(Random random) {
        return BigDecimal.valueOf(500 + random.nextInt(501), 3);
    }

    static String caseNumber(String prefix, int year, int department, int n) {
        return "%s-%d-%d%05d".formatted(prefix, year, department, n);
    }
}
