package org.govshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govshare.seal.InvalidReason;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.Sealing;
import org.govshare.support.Api;

/** What the tests of the issuing features check of a document downloaded: the PDF, sealed by the authority. */
public final class IssuedPdfs {

    /** The sharing authority's department code, whose seal every issued document carries. */
    public static final String AUTHORITY = "sharing-authority";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IssuedPdfs() {
    }

    /** Downloads a PDF as an official; it must come as a PDF attachment. */
    public static byte[] download(int port, String login, String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + Api.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(login + " " + path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("attachment"));
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the documents the tests download are kept, named by what they read first, to look at or render. */
    public static final Path KEPT = Path.of("target", "issued-documents");

    /**
     * The PDF is sealed by the authority's PAdES seal, which holds and is in the register, and it reads what it must;
     * one byte appended is caught. The PDF is kept in {@link #KEPT}.
     *
     * @param reads what its text must contain, the document's number first
     * @return the PDF's text, its lines joined
     */
    public static String assertIssuedByTheAuthority(Sealing sealing, byte[] pdf, String... reads) {
        try {
            Files.write(Files.createDirectories(KEPT).resolve(reads[0] + ".pdf"), pdf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SealVerdict verdict = sealing.verify(null, pdf);
        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.format()).isEqualTo(SealFormat.PADES);
        assertThat(verdict.department()).isEqualTo(AUTHORITY);
        assertThat(verdict.timestampedAt()).isNotNull();
        assertThat(verdict.registerId()).isNotNull();
        byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 1);
        appended[pdf.length] = '\n';
        assertThat(sealing.verify(null, appended).reason()).isEqualTo(InvalidReason.CONTENT_CHANGED);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines are broken between any two characters, as Chinese is: the text is read with its lines joined
            String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
            assertThat(text).contains(reads);
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
