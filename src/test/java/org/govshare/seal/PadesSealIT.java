package org.govshare.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.govshare.platform.pdf.DocumentFont;
import org.govshare.platform.pdf.PdfPages;
import org.govshare.support.IntegrationTest;
import org.govshare.support.Poppler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PAdES seals on a two-page PDF with each algorithm: they verify with our verifier; poppler's pdfsig finds the ECDSA
 * one valid (it cannot check SM2); one changed byte in the signed range and an incremental update appended after
 * sealing are both CONTENT_CHANGED; and the seal is visible, red, in its box at the bottom right of the last page.
 */
class PadesSealIT extends IntegrationTest {

    static final Path FILES = Path.of("target", "pades");
    private static final String DEPARTMENT = "public-security";

    @Autowired
    Sealing sealing;

    @Autowired
    DocumentFont font;

    @Autowired
    SealCertificates certificates;

    private byte[] twoPages() {
        try (PdfPages pdf = new PdfPages(font.open(), "盖章测试 Sealing test", "GovShare · test")) {
            pdf.newPage();
            pdf.line(16, "第一页 The first page", PdfPages.Colours.TEXT);
            pdf.newPage();
            pdf.line(16, "第二页 The last page, where the seal goes", PdfPages.Colours.TEXT);
            return pdf.save();
        }
    }

    private Sealing.Sealed seal(byte[] pdf, SealAlgorithm algorithm) {
        return sealing.seal(pdf, SealFormat.PADES, new SealRequest(DocumentKind.DISPUTE_RULING, DEPARTMENT,
                "ZY-PADES-" + algorithm, "盖章测试 Sealing test"), algorithm);
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void aSealedPdfVerifiesAndNamesItsDepartmentTimesAndRecord(SealAlgorithm algorithm) throws IOException {
        byte[] original = twoPages();
        Sealing.Sealed sealed = seal(original, algorithm);

        SealVerdict verdict = sealing.verify(null, sealed.seal());

        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.format()).isEqualTo(SealFormat.PADES);
        assertThat(verdict.algorithm()).isEqualTo(algorithm);
        assertThat(verdict.department()).isEqualTo(DEPARTMENT);
        assertThat(verdict.signedAt()).isNotNull();
        assertThat(verdict.timestampedAt()).isNotNull();
        assertThat(verdict.certificateStatus()).isEqualTo("VALID");
        assertThat(verdict.registerId()).isEqualTo(sealed.registerId());
        assertThat(sealed.seal()).as("an incremental update: the original bytes come first, unchanged")
                .startsWith(original);
        Files.createDirectories(FILES);
        Files.write(FILES.resolve("sealed-" + algorithm + ".pdf"), sealed.seal());
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void oneByteChangedInTheSignedRangeIsContentChanged(SealAlgorithm algorithm) {
        byte[] changed = seal(twoPages(), algorithm).seal();
        // the binary comment on the file's second line: the PDF still reads, only its bytes differ
        assertThat(changed[9]).isEqualTo((byte) '%');
        changed[11] ^= 1;

        SealVerdict verdict = sealing.verify(null, changed);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).as(verdict.message()).isEqualTo(InvalidReason.CONTENT_CHANGED);
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void anIncrementalUpdateAfterSealingIsContentChanged(SealAlgorithm algorithm) throws IOException {
        byte[] sealed = seal(twoPages(), algorithm).seal();
        ByteArrayOutputStream updated = new ByteArrayOutputStream();
        try (PDDocument pdf = Loader.loadPDF(sealed)) {
            pdf.getDocumentInformation().setTitle("改过的标题 a changed title");
            pdf.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            pdf.saveIncremental(updated);
        }
        assertThat(updated.toByteArray()).startsWith(sealed).hasSizeGreaterThan(sealed.length);

        SealVerdict verdict = sealing.verify(null, updated.toByteArray());

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).as(verdict.message()).isEqualTo(InvalidReason.CONTENT_CHANGED);
        assertThat(verdict.message()).contains("added");
    }

    @Test
    void aSealedPdfIsCheckedOfflineWithTheTrustAPackageCarries() {
        byte[] sealed = seal(twoPages(), SealAlgorithm.ECDSA).seal();

        SealVerdict offline = SealChecks.verify(null, sealed, certificates.trust());

        assertThat(offline.valid()).as(offline.message()).isTrue();
        assertThat(offline.format()).isEqualTo(SealFormat.PADES);
        assertThat(offline.department()).isEqualTo(DEPARTMENT);
    }

    @Test
    void aPdfWithoutASignatureIsMalformed() {
        SealVerdict verdict = sealing.verify(null, twoPages());

        assertThat(verdict.format()).isEqualTo(SealFormat.PADES);
        assertThat(verdict.reason()).isEqualTo(InvalidReason.MALFORMED);
    }

    @Test
    void popplersPdfsigFindsTheEcdsaSealValid() throws IOException {
        Path file = Files.createDirectories(FILES).resolve("pdfsig-ECDSA.pdf");
        Files.write(file, seal(twoPages(), SealAlgorithm.ECDSA).seal());

        // the platform's root is not in poppler's trust store: the signature is checked, the issuer is not trusted
        Poppler.Run checked = Poppler.run("pdfsig", "-no-ocsp", file.toString());
        Poppler.Run signatureOnly = Poppler.run("pdfsig", "-nocert", file.toString());

        assertThat(checked.output()).contains("Signature Validation: Signature is Valid.")
                .contains("Signature Type: ETSI.CAdES.detached")
                .contains("Total document signed");
        assertThat(checked.output()).containsAnyOf("Certificate Validation: Certificate issuer isn't Trusted.",
                "Certificate Validation: Certificate is Trusted.");
        assertThat(signatureOnly.exitCode()).as(signatureOnly.output()).isZero();
        assertThat(signatureOnly.output()).contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void theSealIsVisibleInRedInItsBoxOnTheLastPage() throws IOException {
        byte[] original = twoPages();
        byte[] sealed = seal(original, SealAlgorithm.ECDSA).seal();
        PDRectangle box;
        try (PDDocument pdf = Loader.loadPDF(sealed)) {
            int last = pdf.getNumberOfPages() - 1;
            box = PdfPages.sealBox(pdf.getPage(last).getMediaBox());
            PDAnnotationWidget widget = pdf.getPage(last).getAnnotations().stream()
                    .filter(PDAnnotationWidget.class::isInstance).map(PDAnnotationWidget.class::cast)
                    .findFirst().orElseThrow();
            assertThat(widget.getRectangle().getLowerLeftX()).isEqualTo(box.getLowerLeftX());
            assertThat(widget.getRectangle().getLowerLeftY()).isEqualTo(box.getLowerLeftY());
            PDAppearanceStream appearance = widget.getAppearance().getNormalAppearance().getAppearanceStream();
            assertThat(appearance.getContentStream().getLength()).isPositive();
            assertThat(pdf.getPage(0).getAnnotations()).isEmpty();
        }
        Path dir = Files.createDirectories(FILES);
        assertThat(redPixelsInTheBox(dir, "unsealed", original, box)).isZero();
        assertThat(redPixelsInTheBox(dir, "sealed", sealed, box)).as("the seal's ring, name and star in red")
                .isGreaterThan(1500);
    }

    /** Renders the last page at 72 dpi (a pixel a point) with pdftoppm and counts the seal-red pixels in the box. */
    private static int redPixelsInTheBox(Path dir, String name, byte[] pdf, PDRectangle box) throws IOException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        Poppler.Run rendered = Poppler.run("pdftoppm", "-r", "72", "-png", "-f", "2", "-l", "2", "-singlefile",
                file.toString(), dir.resolve(name).toString());
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        BufferedImage page = ImageIO.read(dir.resolve(name + ".png").toFile());
        int red = 0;
        int top = Math.round(page.getHeight() - box.getUpperRightY());
        for (int y = Math.max(0, top); y < Math.min(page.getHeight(), top + box.getHeight()); y++) {
            for (int x = Math.round(box.getLowerLeftX()); x < Math.min(page.getWidth(), box.getUpperRightX()); x++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 170 && g < 110 && b < 110) {
                    red++;
                }
            }
        }
        return red;
    }
}
