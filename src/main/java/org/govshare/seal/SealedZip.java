package org.govshare.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

/**
 * A document and its detached seal as one ZIP a recipient keeps: the document, the seal beside it ({@code .p7s} for
 * CMS, {@code .ses} for GB/T 38540), the platform's root certificate of the seal's algorithm (PEM) for tools that want
 * a file, and a {@code README.txt} in Chinese and English saying how to check it. Data extracts and electronic
 * certificates (licences) are handed out this way.
 */
@Component
public class SealedZip {

    private final SealCertificates certificates;

    SealedZip(SealCertificates certificates) {
        this.certificates = certificates;
    }

    /** The seal's file name beside a document: {@code extract.json.p7s}, {@code licence.json.ses}. */
    public static String sealFileName(String documentName, SealFormat format) {
        return documentName + (format == SealFormat.SES ? ".ses" : ".p7s");
    }

    /**
     * The ZIP.
     *
     * @param documentName the document's file name in the ZIP, e.g. {@code extract.json}
     * @param what what the document is, in Chinese and English, for the README (e.g. "数据摘录 data extract")
     */
    public byte[] zip(String documentName, String what, byte[] document, Sealing.Sealed sealed) {
        String sealName = sealFileName(documentName, sealed.format());
        String rootName = "govshare-root-" + sealed.algorithm().name().toLowerCase(Locale.ROOT) + ".pem";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            add(zip, documentName, document);
            add(zip, sealName, sealed.seal());
            add(zip, rootName, pem(certificates.root(sealed.algorithm())).getBytes(StandardCharsets.US_ASCII));
            add(zip, "README.txt", readme(documentName, sealName, rootName, what, sealed).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("a ZIP in memory failed to write", e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the platform's own root certificate does not encode", e);
        }
    }

    private static String readme(String documentName, String sealName, String rootName, String what, Sealing.Sealed sealed) {
        String format = sealed.format() == SealFormat.SES ? "GB/T 38540 电子签章 (SES_Signature)" : "CMS SignedData (RFC 5652), detached";
        String openssl = sealed.format() == SealFormat.CMS && sealed.algorithm() == SealAlgorithm.ECDSA ? """

                用 openssl 核验 / With openssl:
                  openssl cms -verify -binary -inform DER -in %s -content %s -CAfile %s -purpose any -out /dev/null
                （CAfile 须与主管部门公布的根证书指纹一致 / the root must match the fingerprint the authority publishes）
                """.formatted(sealName, documentName, rootName) : "";
        return """
                %s

                %s 是文件，%s 是对它的电子签章（%s，%s 算法，含 RFC 3161 时间戳）。
                %s is the document; %s is its seal (%s, %s, with an RFC 3161 timestamp).
                封存登记号 / Seal register record: %s
                文件 SHA-256 / Document SHA-256: %s

                核验 / To verify:
                  在平台的 /verify/ 页面上传这两个文件，或 POST /api/seals/verify（无需登录）。
                  Upload both files on the platform's /verify/ page, or POST them to /api/seals/verify (no login needed).
                  改动文件的任何一个字节，核验都将失败。 One byte changed in the document and the check fails.
                %s""".formatted(what, documentName, sealName, format, sealed.algorithm(), documentName, sealName, format,
                sealed.algorithm(), sealed.registerId(), sealed.documentHash(), openssl);
    }
}
