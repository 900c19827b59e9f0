package org.govshare.document;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.govshare.platform.pdf.DocumentFont;
import org.govshare.platform.pdf.PdfPages;
import org.govshare.platform.pdf.PdfPages.Colours;
import org.springframework.stereotype.Component;

/**
 * An official document as a plain PDF in the order GB/T 9704 sets: the issuing department in red over a red rule with
 * the document number, the title, the addressee, the body, and at the bottom right of the last page the department's
 * name and the date, where the seal will be placed over them ({@link PdfPages#sealBox}).
 */
@Component
class OfficialDocumentPdf {

    private static final float BODY = 11.5f;
    private static final float CONTENT = PdfPages.RIGHT - PdfPages.MARGIN;
    private static final PDRectangle SEAL = PdfPages.sealBox(PDRectangle.A4);

    private final DocumentFont font;

    OfficialDocumentPdf(DocumentFont font) {
        this.font = font;
    }

    byte[] write(OfficialDocument document) {
        try (PdfPages pdf = new PdfPages(font.open(), document.title(), document.issuer() + " · " + document.number())) {
            pdf.newPage();
            float centre = PdfPages.WIDTH / 2;
            pdf.down(24);
            pdf.textCentred(centre, pdf.y(), 22, document.issuer(), Colours.RED);
            pdf.down(30);
            pdf.textCentred(centre, pdf.y(), 11, document.number(), Colours.TEXT);
            pdf.down(10);
            pdf.stroke(1.5f, Colours.RED, PdfPages.MARGIN, pdf.y(), PdfPages.RIGHT, pdf.y());
            pdf.down(34);
            for (String line : pdf.wrap(document.title(), CONTENT, 16)) {
                pdf.textCentred(centre, pdf.y(), 16, line, Colours.TEXT);
                pdf.down(24);
            }
            pdf.down(8);
            pdf.paragraph(PdfPages.MARGIN, CONTENT, BODY, document.addressee() + "：", Colours.TEXT);
            pdf.down(4);
            for (String paragraph : document.body().split("\\R")) {
                // a Chinese paragraph opens with two characters' indent
                pdf.paragraph(PdfPages.MARGIN, CONTENT, BODY, "\u3000\u3000" + paragraph.strip(), Colours.TEXT);
                pdf.down(3);
            }
            closing(pdf, document);
            return pdf.save();
        }
    }

    /** The department and the date at the seal's place on the last page, on a new page when the body reaches it. */
    private static void closing(PdfPages pdf, OfficialDocument document) {
        float top = SEAL.getUpperRightY() + 16;
        pdf.need(top - PdfPages.MARGIN);
        float centre = SEAL.getLowerLeftX() + SEAL.getWidth() / 2;
        String date = document.issuedOn().getYear() + "年" + document.issuedOn().getMonthValue() + "月"
                + document.issuedOn().getDayOfMonth() + "日";
        line(pdf, centre, SEAL.getLowerLeftY() + SEAL.getHeight() * 0.58f, document.issuer());
        line(pdf, centre, SEAL.getLowerLeftY() + SEAL.getHeight() * 0.36f, date);
    }

    /** A closing line centred under the seal, kept inside the right margin. */
    private static void line(PdfPages pdf, float centre, float baseline, String text) {
        float width = pdf.width(text, BODY);
        float x = Math.min(centre - width / 2, PdfPages.RIGHT - width);
        pdf.text(x, baseline, BODY, text, Colours.TEXT);
    }
}
