package org.govshare.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.govshare.platform.pdf.PdfPages;
import org.springframework.stereotype.Component;

/**
 * Seals a PDF the way PDF readers check it (PAdES baseline, ETSI EN 319 142): an incremental update adds a signature
 * field whose value is a CAdES signature ({@code ETSI.CAdES.detached}) over every byte of the file but the signature
 * itself. The CMS carries the signer's chain and, signed, the signing-certificate-v2 attribute that binds the
 * signature to that certificate; the claimed signing time is the signature dictionary's {@code M}, not a signed
 * attribute, as PAdES asks; and, unsigned, an RFC 3161 token over the signature value. The seal is visible: the
 * department's round red seal over the issuer's name and date at the bottom right of the last page
 * ({@link PdfPages#sealBox}), as a Chinese official document carries it.
 */
@Component
class PadesSealHandler implements SealFormatHandler {

    /** Room kept in the file for the CMS: about 3 KB with the platform's own TSA, so an outside TSA's longer chain fits. */
    private static final int SIGNATURE_ROOM = 12 * 1024;
    private static final COSName CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final CmsSealHandler cms;

    PadesSealHandler(CmsSealHandler cms) {
        this.cms = cms;
    }

    @Override
    public SealFormat format() {
        return SealFormat.PADES;
    }

    @Override
    public byte[] seal(byte[] document, SealRequest request, SealingKey key) {
        try (PDDocument pdf = Loader.loadPDF(document);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(CADES_DETACHED);
            signature.setName(nameOf(key.certificate()));
            signature.setReason(request.title());
            signature.setSignDate(Calendar.getInstance());
            int last = pdf.getNumberOfPages() - 1;
            options.setVisualSignature(appearance(pdf.getPage(last).getMediaBox(), nameOf(key.certificate())));
            options.setPage(last);
            options.setPreferredSignatureSize(SIGNATURE_ROOM);
            pdf.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 3 * SIGNATURE_ROOM);
            ExternalSigningSupport external = pdf.saveIncrementalForExternalSigning(out);
            external.setSignature(cades(external.getContent().readAllBytes(), key));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF cannot be sealed: " + e.getMessage(), e);
        }
    }

    /** The CAdES signature over the signed bytes: signing-certificate-v2 signed, the timestamp unsigned. */
    private byte[] cades(byte[] signedBytes, SealingKey key) {
        try {
            CMSSignedData signed = CmsSignatures.sign(signedBytes, key, new WithoutSigningTime(new AttributeTable(
                    SigningCertificate.attribute(key.certificate(), key.algorithm()))), key.chain());
            return cms.withTimestamp(signed, key.algorithm()).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("the PDF's CAdES signature cannot be made: " + e.getMessage(), e);
        }
    }

    /** The standard signed attributes less the signing time, which PAdES keeps in the signature dictionary. */
    private static final class WithoutSigningTime extends DefaultSignedAttributeTableGenerator {

        WithoutSigningTime(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }

    /**
     * A one-page PDF holding only the signature field: its widget on the seal's box, its appearance the seal picture.
     * PDFBox moves the field onto the page being sealed.
     */
    private static InputStream appearance(PDRectangle page, String departmentName) throws IOException {
        try (PDDocument template = new PDDocument()) {
            template.addPage(new PDPage(page));
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            PDSignatureField field = new PDSignatureField(form);
            form.getFields().add(field);
            PDRectangle box = PdfPages.sealBox(page);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(box);
            widget.setPrinted(true);

            PDFormXObject picture = new PDFormXObject(new PDStream(template));
            picture.setResources(new PDResources());
            picture.setFormType(1);
            picture.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(picture.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            PDImageXObject image = PDImageXObject.createFromByteArray(template, SealPicture.png(departmentName), "seal.png");
            try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
                content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    /** The department's name, which the platform's certificates carry as their common name. */
    private static String nameOf(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var names = subject.getRDNs(BCStyle.CN);
        return names.length > 0 ? names[0].getFirst().getValue().toString() : TrustMaterial.departmentOf(certificate);
    }

    @Override
    public boolean recognises(byte[] sealedFile) {
        return sealedFile != null && sealedFile.length > PDF_HEADER.length
                && Arrays.equals(sealedFile, 0, PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length);
    }

    /**
     * Checks the file's last signature: it must cover every byte of the file but its own value, so that nothing was
     * changed in the signed bytes nor added after them (a later incremental update is a change to the sealed
     * document); then the CAdES signature, its binding to the certificate, the timestamp and the certificate.
     */
    @Override
    public SealVerdict verify(byte[] document, byte[] sealedFile, TrustMaterial trust) {
        if (document != null) {
            return SealVerdict.invalid(SealFormat.PADES, InvalidReason.MALFORMED,
                    "a PAdES seal is inside its PDF: give the sealed PDF alone");
        }
        PDSignature signature;
        byte[] contents;
        byte[] signedBytes;
        try (PDDocument pdf = Loader.loadPDF(sealedFile)) {
            signature = pdf.getLastSignatureDictionary();
            if (signature == null) {
                return SealVerdict.invalid(SealFormat.PADES, InvalidReason.MALFORMED, "the PDF carries no signature");
            }
            String covered = coverage(signature.getByteRange(), sealedFile);
            if (covered != null) {
                return SealVerdict.invalid(SealFormat.PADES, InvalidReason.CONTENT_CHANGED, covered);
            }
            contents = signature.getContents(sealedFile);
            signedBytes = signature.getSignedContent(sealedFile);
        } catch (IOException | RuntimeException e) {
            return SealVerdict.invalid(SealFormat.PADES, InvalidReason.MALFORMED, "not a signed PDF: " + e.getMessage());
        }
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        return CmsSignatures.verify(SealFormat.PADES, signedBytes, contents, signer -> signedAt, trust);
    }

    /**
     * Why the byte range does not cover the whole file but the signature's value, or null when it does: it starts at
     * the first byte, leaves out exactly the hex string {@code <…>} of the value, and ends at the file's last byte.
     */
    private static String coverage(int[] range, byte[] file) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
            return "the signature's byte range is not one the platform makes: " + Arrays.toString(range);
        }
        long end = (long) range[2] + range[3];
        if (end != file.length) {
            return end < file.length ? "bytes were added to the PDF after it was sealed: the seal covers "
                    + end + " of its " + file.length + " bytes" : "the PDF is shorter than the bytes its seal covers";
        }
        if (file[range[1]] != '<' || file[range[2] - 1] != '>') {
            return "the signature's byte range leaves out more than the signature's value";
        }
        return null;
    }
}
