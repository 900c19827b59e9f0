package org.govshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govshare.platform.pdf.DocumentFont;
import org.govshare.platform.pdf.PdfPages;
import org.junit.jupiter.api.Test;

/** The plain official PDF: its parts in order, and the department and date where the seal will go. */
class OfficialDocumentPdfTest {

    private static final OfficialDocumentPdf PDF = new OfficialDocumentPdf(new DocumentFont());
    private static final String ISSUER = "郑州市政府信息资源共享主管部门";

    @Test
    void theDocumentCarriesItsPartsAndClosesWhereTheSealGoes() throws IOException {
        byte[] pdf = PDF.write(new OfficialDocument(ISSUER, "ZY-2026-000001", "争议裁决书 Dispute ruling",
                "郑州市公安局、郑州市民政局", "第一段 The first paragraph.\n第二段 The second.", LocalDate.of(2026, 12, 3)));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/official-document.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).containsSubsequence(ISSUER, "ZY-2026-000001", "争议裁决书 Dispute ruling",
                    "郑州市公安局、郑州市民政局：", "第一段 The first paragraph.", "第二段 The second.", "2026年12月3日");
            assertThat(closingUnderTheSeal(document, document.getNumberOfPages() - 1))
                    .contains(ISSUER).contains("2026年12月3日");
        }
    }

    @Test
    void aLongBodyMovesTheClosingToWhereTheLastPageHasRoom() throws IOException {
        String body = String.join("\n", java.util.Collections.nCopies(60, "这是一段较长的正文，用来把结尾推到下一页。"));
        byte[] pdf = PDF.write(new OfficialDocument(ISSUER, "ZG-2026-000002", "整改通知书", "郑州市公安局", body,
                LocalDate.of(2026, 1, 5)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int last = document.getNumberOfPages() - 1;
            assertThat(last).isPositive();
            String closing = closingUnderTheSeal(document, last);
            assertThat(closing).contains(ISSUER).contains("2026年1月5日").doesNotContain("正文");
        }
    }

    /** The text inside the seal's box, widened to the right margin (the department's name is wider than the seal). */
    private static String closingUnderTheSeal(PDDocument document, int page) throws IOException {
        PDRectangle seal = PdfPages.sealBox(document.getPage(page).getMediaBox());
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        float height = document.getPage(page).getMediaBox().getHeight();
        area.addRegion("seal", new java.awt.geom.Rectangle2D.Float(PdfPages.MARGIN, height - seal.getUpperRightY(),
                PdfPages.RIGHT - PdfPages.MARGIN, seal.getHeight()));
        area.extractRegions(document.getPage(page));
        return area.getTextForRegion("seal");
    }
}
