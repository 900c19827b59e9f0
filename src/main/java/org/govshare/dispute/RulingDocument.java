package org.govshare.dispute;

import java.time.ZoneId;

import org.govshare.document.IssuedDocument;
import org.govshare.document.IssuedDocuments;
import org.govshare.document.OfficialDocument;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.request.SharingRequest;
import org.govshare.seal.DocumentKind;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The ruling as the document the authority issues to both sides (Art. 18): what was disputed, what each side asked,
 * the decision and its reasons, under the dispute's number, sealed with the authority's seal.
 */
@Component
class RulingDocument {

    private final IssuedDocuments documents;
    private final DepartmentDirectory departments;

    RulingDocument(IssuedDocuments documents, DepartmentDirectory departments) {
        this.documents = documents;
        this.departments = departments;
    }

    /** Issues the ruling; a granting ruling names the grant it issued. */
    IssuedDocument issue(Dispute dispute, SharingRequest request, String grantId, ZoneId zone) {
        Dispute.Ruling ruling = dispute.ruling();
        String applicant = departments.require(dispute.applicantDepartment()).nameZh();
        String provider = departments.require(dispute.providerDepartment()).nameZh();
        Dispute.Claim claim = dispute.claim();
        String decided = switch (ruling.decision()) {
            case GRANT_AS_ASKED -> "准予共享 Granted as asked";
            case GRANT_IN_PART -> "部分准予共享 Granted in part";
            case UPHOLD -> "维持原答复 The answer stands";
        };
        String outcome = ruling.decision().grants()
                ? decided + "：数据项 items " + String.join("、", ruling.items()) + "，期限至 until " + ruling.validUntil()
                        + (ruling.conditions() == null ? "" : "，附加条件 conditions：" + ruling.conditions())
                        + "。依本裁决签发授权 Grant " + grantId + " is issued by this ruling."
                : decided + "：" + provider + "对申请 " + request.id() + " 的答复维持不变。The answer of " + provider
                        + " to request " + request.id() + " stands.";
        String body = String.join("\n",
                applicant + "不服" + provider + "对共享申请 " + request.id() + "（" + request.resourceName() + "）的答复，于 "
                        + dispute.filedAt().atZone(zone).toLocalDate() + " 提起争议。" + applicant + " disputed the answer of "
                        + provider + " to sharing request " + request.id() + " (" + request.resourceName() + ").",
                "争议请求 Claim：数据项 items " + String.join("、", claim.items()) + "，期限至 until " + claim.validUntil()
                        + (claim.withoutAddedConditions() ? "，不附加条件 without the added conditions" : "")
                        + "。理由 Grounds：" + claim.grounds(),
                "本机关听取双方书面陈述" + (dispute.meetings().isEmpty() ? "" : "并组织协调") + "，裁决如下。Having heard both sides,"
                        + " the sharing authority rules as follows.",
                outcome,
                "理由 Reasons：" + ruling.reasons(),
                "本裁决对双方具有约束力（《办法》第十八条）。This ruling binds both sides (Art. 18).");
        return documents.issue(DocumentKind.DISPUTE_RULING, Disputes.KIND.objectType(), new OfficialDocument(
                documents.issuer(), dispute.id(), "争议裁决书 Ruling on dispute " + dispute.id(), applicant + "、" + provider,
                body, ruling.at().atZone(zone).toLocalDate()));
    }

    /** The ruling as issued, for a caller the dispute has let see it. */
    ResponseEntity<byte[]> download(Dispute dispute) {
        return documents.download(DocumentKind.DISPUTE_RULING, dispute.id());
    }
}
