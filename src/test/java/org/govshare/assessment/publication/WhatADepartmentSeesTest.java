package org.govshare.assessment.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govshare.assessment.AssessmentReport;
import org.govshare.assessment.PublishedAssessments;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.pdf.DocumentFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a department gets of a published assessment, as a property over departments and generated worlds: two
 * reports that differ only in other departments' detail (figures, cases, notes, opinions, improvements) give a
 * department the same JSON, CSV, workbook and PDF text; and nothing a department gets carries another's markers.
 * The authority and the supervisors get everything. (jqwik is not on the classpath: a parameterised walk over
 * every department and several seeds instead.)
 */
class WhatADepartmentSeesTest {

    private static final int YEAR = 2021;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final AssessmentPdf PDF = new AssessmentPdf(new DocumentFont());

    static Stream<Arguments> departmentsAndWorlds() {
        return AssessmentFixture.DEPARTMENTS.keySet().stream()
                .flatMap(department -> Stream.of(7L, 1234L, 99991L).map(seed -> Arguments.of(department, seed)));
    }

    @ParameterizedTest(name = "{0}, world {1}")
    @MethodSource("departmentsAndWorlds")
    void aDepartmentCannotTellTwoWorldsApartThatDifferOnlyInWhatItMayNotSee(String department, long seed) throws IOException {
        AssessmentReport report = AssessmentFixture.report(YEAR);
        AssessmentReport other = AssessmentFixture.hiddenChanged(report, department, seed);
        assertThat(other).as("the generated world differs").isNotEqualTo(report);
        Official caller = departmentOfficial(department);

        AssessmentView seen = AssessmentView.of(published(report, "a"), caller);
        AssessmentView seenInTheOther = AssessmentView.of(published(other, "b"), caller);

        assertThat(JSON.writeValueAsString(seenInTheOther)).isEqualTo(JSON.writeValueAsString(seen));
        assertThat(FigureFiles.csv(seenInTheOther)).isEqualTo(FigureFiles.csv(seen));
        assertThat(cells(FigureFiles.xlsx(seenInTheOther))).isEqualTo(cells(FigureFiles.xlsx(seen)));
        assertThat(pdfText(seenInTheOther)).isEqualTo(pdfText(seen));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("departments")
    void aDepartmentGetsTheRankingAndItsOwnDetailAndNoMarkerOfAnotherDepartment(String department) throws IOException {
        AssessmentView view = AssessmentView.of(published(AssessmentFixture.report(YEAR), "a"), departmentOfficial(department));

        assertThat(view.ranking()).extracting(AssessmentView.Ranked::department)
                .containsExactlyInAnyOrderElementsOf(AssessmentFixture.DEPARTMENTS.keySet());
        assertThat(view.details()).extracting(AssessmentReport.DepartmentResult::department).containsExactly(department);
        assertThat(view.sha256()).as("the hash is over every department's figures").isNull();
        assertThat(view.seesAll()).isFalse();

        List<String> figureFiles = List.of(FigureFiles.csv(view), String.join("\n", cells(FigureFiles.xlsx(view))));
        for (String figures : figureFiles) {
            assertThat(figures).as("the figures, their cases and notes").contains(figureMarkers(department));
        }
        List<String> answers = new ArrayList<>(figureFiles);
        answers.addAll(List.of(JSON.writeValueAsString(view), pdfText(view)));
        assertThat(answers.get(2)).contains(AssessmentFixture.markers(YEAR, department));
        assertThat(answers.get(3)).contains(AssessmentFixture.markers(YEAR, department));
        for (String answer : answers) {
            assertThat(answer).contains(AssessmentFixture.DEPARTMENTS.values());
            for (String other : AssessmentFixture.DEPARTMENTS.keySet()) {
                if (!other.equals(department)) {
                    assertThat(answer).doesNotContain(AssessmentFixture.markers(YEAR, other));
                }
            }
        }
    }

    static Stream<String> departments() {
        return AssessmentFixture.DEPARTMENTS.keySet().stream();
    }

    @Test
    void theAuthorityAndTheSupervisorsSeeEveryDepartmentsDetailAndTheHash() throws IOException {
        for (Role role : List.of(Role.AUTHORITY, Role.SUPERVISOR)) {
            Official official = new Official("someone", "某人", role == Role.AUTHORITY ? "sharing-authority" : "supervision",
                    Set.of(role), List.of());
            AssessmentView view = AssessmentView.of(published(AssessmentFixture.report(YEAR), "a"), official);
            assertThat(view.details()).hasSize(AssessmentFixture.DEPARTMENTS.size());
            assertThat(view.sha256()).isEqualTo("a".repeat(64));
            String pdf = pdfText(view);
            for (String department : AssessmentFixture.DEPARTMENTS.keySet()) {
                assertThat(pdf).contains(AssessmentFixture.markers(YEAR, department));
                assertThat(FigureFiles.csv(view)).contains(figureMarkers(department));
            }
        }
    }

    @Test
    void thePdfCarriesItsChineseTextInAnEmbeddedSubsetOfTheFont() throws IOException {
        Official authority = new Official("authority.li", "李明", "sharing-authority", Set.of(Role.AUTHORITY), List.of());
        byte[] pdf = PDF.write(AssessmentView.of(published(AssessmentFixture.report(YEAR), "a"), authority), List.of());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("the ranking and trend, the indicators, a page per department")
                    .isGreaterThanOrEqualTo(1 + AssessmentFixture.DEPARTMENTS.size());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).as("a subset: six letters and a plus before the font's name").matches("[A-Z]{6}\\+NotoSansSC.*");
            });
            assertThat(new PDFTextStripper().getText(document)).contains("年度政务信息资源共享工作考核报告", "郑州市公安局",
                    "金水区民政局", "申请按时答复率", "审核意见");
        }
    }

    /** The markers of a department's figures (cases and notes): the opinion and improvements are not figures. */
    private static List<String> figureMarkers(String department) {
        return AssessmentFixture.markers(YEAR, department).stream().filter(m -> !m.startsWith("OP-") && !m.startsWith("IMP-"))
                .toList();
    }

    private static Official departmentOfficial(String department) {
        return new Official(AssessmentFixture.LOGINS.get(department), "某人", department, Set.of(Role.APPLICANT,
                Role.PROVIDER_REVIEWER), List.of());
    }

    private static PublishedAssessments.Published published(AssessmentReport report, String hash) {
        return new PublishedAssessments.Published(report, hash.repeat(64), Instant.parse("2022-01-20T02:00:00Z"), "authority.li");
    }

    private static String pdfText(AssessmentView view) throws IOException {
        try (PDDocument document = Loader.loadPDF(PDF.write(view, List.of(AssessmentView.YearRanking.of(
                published(AssessmentFixture.report(YEAR), "a")))))) {
            return new PDFTextStripper().getText(document);
        }
    }

    static List<String> cells(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> line = new ArrayList<>();
                row.forEach(cell -> line.add(format.formatCellValue(cell)));
                cells.add(String.join("\t", line));
            }
        }
        return cells;
    }
}
