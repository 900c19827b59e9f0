package org.govshare.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF written top to bottom on A4 pages with one embedded font: text, wrapped paragraphs, rectangles and lines, and
 * a cursor that starts a new page when what comes next does not fit. Text is real text in the embedded font (a
 * subset), so it can be searched, copied and read aloud; a character the font has no glyph for is shown as a
 * question mark rather than failing the document.
 */
public final class PdfPages implements Closeable {

    public static final float WIDTH = PDRectangle.A4.getWidth();
    public static final float HEIGHT = PDRectangle.A4.getHeight();
    public static final float MARGIN = 50;
    public static final float RIGHT = WIDTH - MARGIN;
    /** The side of a department's round seal: 42 mm, the common size of an official seal. */
    public static final float SEAL_SIZE = 42 / 25.4f * 72;

    private final PDDocument document = new PDDocument();
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final PDType0Font font;
    private final String footer;
    private PDPageContentStream page;
    private int pages;
    private float y;

    public PdfPages(TrueTypeFont ttf, String title, String footer) {
        this.ttf = ttf;
        this.footer = footer;
        try {
            this.cmap = ttf.getUnicodeCmapLookup();
            this.font = PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("the document font cannot be embedded", e);
        }
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("GovShare");
        document.getDocumentCatalog().setLanguage("zh-CN");
    }

    /**
     * Where an official document carries its seal on a page: at the bottom right, over the issuing department's name
     * and the date as GB/T 9704 lays them out, clear of the footer. The seal is drawn here and a document writes its
     * closing lines under it.
     */
    public static PDRectangle sealBox(PDRectangle page) {
        return new PDRectangle(page.getUpperRightX() - MARGIN - 24 - SEAL_SIZE, page.getLowerLeftY() + MARGIN + 36,
                SEAL_SIZE, SEAL_SIZE);
    }

    /** Starts a page; the cursor is at its top margin. */
    public void newPage() {
        closePage();
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        try {
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages++;
        y = HEIGHT - MARGIN;
        text(MARGIN, MARGIN / 2, 7, footer + " · 第 " + pages + " 页", Colours.MUTED);
    }

    /** Makes room for this much height below the cursor, on a new page if it does not fit. */
    public void need(float height) {
        if (page == null || y - height < MARGIN) {
            newPage();
        }
    }

    public float y() {
        return y;
    }

    public void down(float by) {
        y -= by;
    }

    /** A line of text at the cursor, which moves below it. */
    public void line(float size, String text, float[] colour) {
        need(size * 1.5f);
        y -= size * 1.2f;
        text(MARGIN, y, size, text, colour);
        y -= size * 0.4f;
    }

    /** Text wrapped to the width, from x, starting at the cursor. */
    public void paragraph(float x, float width, float size, String text, float[] colour) {
        for (String line : wrap(text, width, size)) {
            line(x, size, line, colour);
        }
    }

    private void line(float x, float size, String text, float[] colour) {
        need(size * 1.5f);
        y -= size * 1.2f;
        text(x, y, size, text, colour);
        y -= size * 0.3f;
    }

    /** Text with its baseline at (x, y). */
    public void text(float x, float baseline, float size, String text, float[] colour) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.setNonStrokingColor(colour[0], colour[1], colour[2]);
            page.newLineAtOffset(x, baseline);
            page.showText(printable(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens an official document on a new page as GB/T 9704 heads one: the issuing department's name in red over a
     * red rule with the document number, then the title, centred.
     */
    public void officialHeader(String issuer, String number, String title) {
        newPage();
        float centre = WIDTH / 2;
        down(24);
        textCentred(centre, y, 22, issuer, Colours.RED);
        down(30);
        textCentred(centre, y, 11, number, Colours.TEXT);
        down(10);
        stroke(1.5f, Colours.RED, MARGIN, y, RIGHT, y);
        down(34);
        for (String line : wrap(title, RIGHT - MARGIN, 16)) {
            textCentred(centre, y, 16, line, Colours.TEXT);
            down(24);
        }
    }

    /**
     * Closes an official document: the issuing department's name and the date, centred under the seal's place at the
     * bottom right of the last page (on a new page when the text reaches it), where the seal will cover them.
     */
    public void closingUnderTheSeal(String issuer, LocalDate on) {
        PDRectangle seal = sealBox(PDRectangle.A4);
        need(seal.getUpperRightY() + 16 - MARGIN);
        float centre = seal.getLowerLeftX() + seal.getWidth() / 2;
        closingLine(centre, seal.getLowerLeftY() + seal.getHeight() * 0.58f, issuer);
        closingLine(centre, seal.getLowerLeftY() + seal.getHeight() * 0.36f,
                on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日");
    }

    /** A closing line centred on x, kept inside the right margin (a department's name is wider than its seal). */
    private void closingLine(float centre, float baseline, String text) {
        float size = 11.5f;
        float width = width(text, size);
        text(Math.min(centre - width / 2, RIGHT - width), baseline, size, text, Colours.TEXT);
    }

    /** Text centred on x. */
    public void textCentred(float x, float baseline, float size, String text, float[] colour) {
        text(x - width(text, size) / 2, baseline, size, text, colour);
    }

    /** Text ending at x. */
    public void textRight(float x, float baseline, float size, String text, float[] colour) {
        text(x - width(text, size), baseline, size, text, colour);
    }

    /** Text cut with an ellipsis to fit the width. */
    public String fit(String text, float width, float size) {
        String shown = printable(text);
        if (width(shown, size) <= width) {
            return shown;
        }
        int end = shown.length();
        while (end > 0 && width(shown.substring(0, end) + "…", size) > width) {
            end = shown.offsetByCodePoints(end, -1);
        }
        return shown.substring(0, end) + "…";
    }

    public void rect(float x, float bottom, float w, float h, float[] colour) {
        try {
            page.setNonStrokingColor(colour[0], colour[1], colour[2]);
            page.addRect(x, bottom, w, h);
            page.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stroke(float lineWidth, float[] colour, float... points) {
        try {
            page.setStrokingColor(colour[0], colour[1], colour[2]);
            page.setLineWidth(lineWidth);
            page.moveTo(points[0], points[1]);
            for (int i = 2; i < points.length; i += 2) {
                page.lineTo(points[i], points[i + 1]);
            }
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public float width(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of at most the width, broken between any two characters (Chinese has no spaces to break at). */
    public List<String> wrap(String text, float width, float size) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printableLines(text)) {
            StringBuilder line = new StringBuilder();
            paragraph.codePoints().forEach(cp -> {
                String next = line + Character.toString(cp);
                if (width(next, size) > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            });
            lines.add(line.toString());
        }
        return lines;
    }

    public byte[] save() {
        closePage();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the PDF in memory failed", e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
            ttf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() {
        if (page != null) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = null;
        }
    }

    private List<String> printableLines(String text) {
        return List.of((text == null ? "" : text).split("\\R", -1));
    }

    /** The text with what the font cannot draw (a control character, a glyph it lacks) as a question mark. */
    private String printable(String text) {
        StringBuilder shown = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(cp -> shown.appendCodePoint(
                !Character.isISOControl(cp) && cmap.getGlyphId(cp) > 0 ? cp : (Character.isWhitespace(cp) ? ' ' : '?')));
        return shown.toString();
    }

    /** The platform's document colours: dark text, muted notes, rules and bands. */
    public static final class Colours {
        public static final float[] TEXT = rgb(0x1f2933);
        public static final float[] MUTED = rgb(0x5f6b7a);
        public static final float[] LINE = rgb(0xd5dbe3);
        public static final float[] BAND = rgb(0xf2f5f9);
        /** The red of an official document's header and rule. */
        public static final float[] RED = rgb(0xc8102e);

        private Colours() {
        }

        /** A colour given as 0xRRGGBB, as the page's style sheets write it. */
        public static float[] rgb(int rgb) {
            return new float[] {((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f};
        }
    }
}
