package org.govshare.supervision;

import java.time.LocalDate;

import org.govshare.document.IssuedDocuments;
import org.govshare.document.OfficialDocument;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.seal.DocumentKind;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The two documents a rectification issues under its case number (Art. 33), sealed with the authority's seal: the
 * rectification notice to the department, and the public criticism to every department when it did not rectify.
 */
@Component
class RectificationDocuments {

    private final IssuedDocuments documents;
    private final ViolationTaxonomy taxonomy;
    private final DepartmentDirectory departments;

    RectificationDocuments(IssuedDocuments documents, DepartmentDirectory departments, ViolationTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.documents = documents;
        this.departments = departments;
    }

    /** The notice: the violation, the order to put it right, and by when; the words are the notice's sent. */
    void issueNotice(Rectification rectification, Violation violation, String order, LocalDate on) {
        String body = String.join("\n",
                "经查，你单位存在《" + taxonomy.law() + "》第" + violation.article() + "项所列行为（" + violation.type()
                        + "，违规登记 " + violation.id() + "）：" + violation.description() + "。The platform's register records"
                        + " this violation of Art. " + violation.article() + " of " + taxonomy.law() + " against your department.",
                order,
                "逾期未整改的，将予以通报批评，并移送监察机关追究直接责任人员的责任。A department that does not rectify in time is"
                        + " publicly criticised and referred to the supervisors.");
        documents.issue(DocumentKind.RECTIFICATION_NOTICE, Rectifications.KIND.objectType(), new OfficialDocument(
                documents.issuer(), rectification.id(), "责令限期整改通知书 Rectification notice",
                departments.require(rectification.department()).nameZh(), body, on));
    }

    /** The criticism as the authority approved it, to every department. */
    void issueCriticism(Rectification rectification, String text, LocalDate on) {
        documents.issue(DocumentKind.PUBLIC_CRITICISM, Rectifications.KIND.objectType(), new OfficialDocument(
                documents.issuer(), rectification.id(), "通报批评 Public criticism", "各部门 All departments", text, on));
    }

    ResponseEntity<byte[]> notice(String id) {
        return documents.download(DocumentKind.RECTIFICATION_NOTICE, id);
    }

    ResponseEntity<byte[]> criticism(String id) {
        return documents.download(DocumentKind.PUBLIC_CRITICISM, id);
    }
}
