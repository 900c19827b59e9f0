package org.govshare.document;

import org.govshare.platform.pdf.DocumentFont;
import org.govshare.platform.pdf.PdfPages;
import org.govshare.platform.pdf.PdfPages.Colours;
import org.springframework.stereotype.Component;

/**
 * An official document as a plain PDF in the order GB/T 9704 sets: the issuing department in red over a red rule with
 * the document number, the title, the addressee, the body, and at the bottom right of the last page the department's
 * name and the date, where the seal will be placed over them ({@link PdfPages#closingUnderTheSeal}).
 */
@Component
class OfficialDocumentPdf {

    private static final float BODY = 11.5f;
    private static final float CONTENT = PdfPages.RIGHT - PdfPages.MARGIN;

    private final DocumentFont font;

    OfficialDocumentPdf(DocumentFont font) {
        this.font = font;
    }

    byte[] write(OfficialDocument document) {
        try (PdfPages pdf = new PdfPages(font.open(), document.title(), document.issuer() + " · " + document.number())) {
            pdf.officialHeader(document.issuer(), document.number(), document.title());
            pdf.down(8);
            pdf.paragraph(PdfPages.MARGIN, CONTENT, BODY, document.addressee() + "：", Colours.TEXT);
            pdf.down(4);
            for (String paragraph : document.body().split("\\R")) {
                // a Chinese paragraph opens with two characters' indent
                pdf.paragraph(PdfPages.MARGIN, CONTENT, BODY, "\u3000\u3000" + paragraph.strip(), Colours.TEXT);
                pdf.down(3);
            }
            pdf.closingUnderTheSeal(document.issuer(), document.issuedOn());
            return pdf.save();
        }
    }
}
