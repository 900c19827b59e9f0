package org.govshare.platform.pdf;

import java.time.LocalDate;
import java.util.List;

import org.govshare.platform.pdf.PdfPages.Colours;
import org.springframework.stereotype.Component;

/**
 * A sheet of labelled values for a person to read and keep, in an official document's dress: the issuing department
 * in red over a red rule with the number, the title ({@link PdfPages#officialHeader}), sections of label and value,
 * and the department's name and the date under the seal's place ({@link PdfPages#closingUnderTheSeal}). Sealed data extracts and
 * electronic certificates are printed this way.
 */
@Component
public class LabelledSheetPdf {

    private static final float BODY = 10.5f;
    private static final float LABEL_WIDTH = 130;
    private static final float CONTENT = PdfPages.RIGHT - PdfPages.MARGIN;

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
            pdf.officialHeader(sheet.issuer(), sheet.number(), sheet.title());
            for (Section section : sheet.sections()) {
                if (section.heading() != null) {
                    pdf.down(6);
                    pdf.paragraph(PdfPages.MARGIN, CONTENT, 12, section.heading(), Colours.TEXT);
                    pdf.stroke(0.5f, Colours.LINE, PdfPages.MARGIN, pdf.y() - 2, PdfPages.RIGHT, pdf.y() - 2);
                    pdf.down(4);
                }
                section.lines().forEach(line -> labelled(pdf, line));
            }
            pdf.closingUnderTheSeal(sheet.issuer(), sheet.issuedOn());
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
}
