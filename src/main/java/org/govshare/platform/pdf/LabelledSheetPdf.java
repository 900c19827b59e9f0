package org.govshare.platform.pdf;

import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.govshare.platform.pdf.PdfPages.Colours;
import org.springframework.stereotype.Component;

/**
 * A sheet of labelled values for a person to read and keep, in an official document's dress: the issuing department
 * in red over a red rule with the number, the title, sections of label and value, and the department's name and the
 * date at the bottom right of the last page, where the PAdES seal is placed over them. Sealed data extracts and
 * electronic certificates are printed this way.
 */
@Component
public class LabelledSheetPdf {

    private static final float BODY = 10.5f;
    private static final float LABEL_WIDTH = 130;
    private static final float CONTENT = PdfPages.RIGHT - PdfPages.MARGIN;
    private static final PDRectangle SEAL = PdfPages.sealBox(PDRectangle.A4);

    private final DocumentFont font;

    LabelledSheetPdf(DocumentFont font) {
        this.font = font;
    }

    /**
     * A sheet.
     *
     * @param issuer the issuing department's name, as its seal reads
     * @param number the document's number, under the issuer
     */
    public record Sheet(String issuer, String number, String title, List<Section> sections, LocalDate issuedOn) {
    }

    /** A heading (null: none) over its lines. */
    public record Section(String heading, List<Line> lines) {
    }

    public record Line(String label, String value) {
    }

    public byte[] write(Sheet sheet) {
        try (PdfPages pdf = new PdfPages(font.open(), sheet.title(), sheet.issuer() + " · " + sheet.number())) {
            pdf.newPage();
            float centre = PdfPages.WIDTH / 2;
            pdf.down(24);
            pdf.textCentred(centre, pdf.y(), 20, sheet.issuer(), Colours.RED);
            pdf.down(26);
            pdf.textCentred(centre, pdf.y(), 10, sheet.number(), Colours.TEXT);
            pdf.down(10);
            pdf.stroke(1.5f, Colours.RED, PdfPages.MARGIN, pdf.y(), PdfPages.RIGHT, pdf.y());
            pdf.down(30);
            for (String line : pdf.wrap(sheet.title(), CONTENT, 16)) {
                pdf.textCentred(centre, pdf.y(), 16, line, Colours.TEXT);
                pdf.down(24);
            }
            for (Section section : sheet.sections()) {
                if (section.heading() != null) {
                    pdf.down(6);
                    pdf.paragraph(PdfPages.MARGIN, CONTENT, 12, section.heading(), Colours.TEXT);
                    pdf.stroke(0.5f, Colours.LINE, PdfPages.MARGIN, pdf.y() - 2, PdfPages.RIGHT, pdf.y() - 2);
                    pdf.down(4);
                }
                section.lines().forEach(line -> labelled(pdf, line));
            }
            closing(pdf, sheet);
            return pdf.save();
        }
    }

    /** The label on the left, the value wrapped beside it. */
    private static void labelled(PdfPages pdf, Line line) {
        float width = CONTENT - LABEL_WIDTH;
        List<String> lines = pdf.wrap(line.value() == null ? "—" : line.value(), width, BODY);
        pdf.need(BODY * 1.5f * Math.min(lines.size(), 3));
        pdf.down(BODY * 1.2f);
        pdf.text(PdfPages.MARGIN, pdf.y(), BODY, pdf.fit(line.label(), LABEL_WIDTH - 8, BODY), Colours.MUTED);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                pdf.need(BODY * 1.5f);
                pdf.down(BODY * 1.2f);
            }
            pdf.text(PdfPages.MARGIN + LABEL_WIDTH, pdf.y(), BODY, lines.get(i), Colours.TEXT);
            pdf.down(BODY * 0.3f);
        }
    }

    /** The department and the date at the seal's place on the last page, on a new page when the text reaches it. */
    private static void closing(PdfPages pdf, Sheet sheet) {
        pdf.need(SEAL.getUpperRightY() + 16 - PdfPages.MARGIN);
        float centre = SEAL.getLowerLeftX() + SEAL.getWidth() / 2;
        String date = sheet.issuedOn().getYear() + "年" + sheet.issuedOn().getMonthValue() + "月"
                + sheet.issuedOn().getDayOfMonth() + "日";
        for (String[] line : new String[][] {{sheet.issuer(), "0.58"}, {date, "0.36"}}) {
            float width = pdf.width(line[0], BODY);
            pdf.text(Math.min(centre - width / 2, PdfPages.RIGHT - width),
                    SEAL.getLowerLeftY() + SEAL.getHeight() * Float.parseFloat(line[1]), BODY, line[0], Colours.TEXT);
        }
    }
}
