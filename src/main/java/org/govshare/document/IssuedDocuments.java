package org.govshare.document;

import java.util.Optional;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Workgroups;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.seal.DocumentKind;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRequest;
import org.govshare.seal.Sealing;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sharing authority issues (Art. 22, 23): a PDF sealed with the authority's PAdES seal when the process
 * issues it, stored once, and served as stored whenever it is downloaded, never made again. Who may download is the
 * issuing feature's rule; a feature asks here only once it has checked the caller.
 */
@Service
public class IssuedDocuments {

    private final OfficialDocumentPdf pdf;
    private final IssuedDocumentStore store;
    private final Sealing sealing;
    private final Workgroups workgroups;
    private final DepartmentDirectory departments;
    private final AuditTrail auditTrail;
    private final Today today;

    IssuedDocuments(OfficialDocumentPdf pdf, IssuedDocumentStore store, Sealing sealing, Workgroups workgroups,
                    DepartmentDirectory departments, AuditTrail auditTrail, Today today) {
        this.pdf = pdf;
        this.store = store;
        this.sealing = sealing;
        this.workgroups = workgroups;
        this.departments = departments;
        this.auditTrail = auditTrail;
        this.today = today;
    }

    /** The authority's name, as its documents are headed and signed and its seal reads. */
    public String issuer() {
        return departments.require(workgroups.authorityDepartment()).nameZh();
    }

    /**
     * Writes an official document as a plain PDF and issues it under its number.
     *
     * @param objectType the type of the case the document belongs to, as its audit events name it
     */
    @Transactional
    public IssuedDocument issue(DocumentKind kind, String objectType, OfficialDocument document) {
        return issue(kind, objectType, document.number(), document.title(), pdf.write(document));
    }

    /**
     * Seals a PDF with the authority's seal, stores the sealed bytes and audits the issue, in the caller's
     * transaction: a document is issued with the step that issues it, or not at all. Once per kind and subject.
     */
    @Transactional
    public IssuedDocument issue(DocumentKind kind, String objectType, String subject, String title, byte[] unsealedPdf) {
        if (store.find(kind.name(), subject).isPresent()) {
            throw issuedAlready(kind, subject);
        }
        Sealing.Sealed sealed = sealing.seal(unsealedPdf, SealFormat.PADES,
                new SealRequest(kind, workgroups.authorityDepartment(), subject, title));
        IssuedDocument issued = store.insertOnce(kind.name(), subject, title, sealed.registerId(), sealed.seal(), today.now())
                .orElseThrow(() -> issuedAlready(kind, subject));
        auditTrail.record(AuditEntry.ok(AuditAction.DOCUMENT_ISSUED, objectType, subject).with("kind", kind)
                .with("title", title).with("registerId", sealed.registerId()).with("document", issued.id()));
        return issued;
    }

    public Optional<IssuedDocument> find(DocumentKind kind, String subject) {
        return store.find(kind.name(), subject);
    }

    /** The stored sealed PDF as a download; 404 while none is issued. */
    public ResponseEntity<byte[]> download(DocumentKind kind, String subject) {
        IssuedDocument document = find(kind, subject).orElseThrow(() -> new NotFoundException(
                "issued " + kind.name().toLowerCase().replace('_', ' '), subject));
        String name = kind.name().toLowerCase().replace('_', '-') + "-" + subject + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(document.sealedPdf());
    }

    private static ConflictException issuedAlready(DocumentKind kind, String subject) {
        return new ConflictException("subject", "document-issued-once", "the " + kind + " of " + subject
                + " is issued already and is never made again");
    }
}
