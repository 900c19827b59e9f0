package org.govshare.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;

/**
 * The Chinese font every PDF of the platform embeds (the assessment's report, the documents the authority issues): Noto Sans SC Regular (SIL Open Font License 1.1) as TrueType, which the
 * build unpacks from the {@code com.helger.font:ph-fonts-noto-sans-sc} jar on Maven Central into the classpath, so a
 * machine with only a JDK makes the same PDF. Its bytes are read once; each document parses its own copy of the
 * tables (a parsed font reads glyphs by seeking, which is not safe to share between requests), and only the glyphs a
 * document uses are embedded.
 */
@Component
public class DocumentFont {

    static final String RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private volatile byte[] bytes;

    /** A parsed font for one document; the caller closes it once the document is saved. */
    public TrueTypeFont open() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("the document font " + RESOURCE + " cannot be read", e);
        }
    }

    private byte[] bytes() {
        byte[] read = bytes;
        if (read == null) {
            synchronized (this) {
                if (bytes == null) {
                    bytes = load();
                }
                read = bytes;
            }
        }
        return read;
    }

    private static byte[] load() {
        try (InputStream in = DocumentFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the document font " + RESOURCE + " is not on the classpath: build with"
                        + " Maven, whose generate-resources phase unpacks it (execution unpack-report-font in pom.xml)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the document font " + RESOURCE + " cannot be read", e);
        }
    }
}
