package org.govshare.evidence;

import java.util.Optional;

import org.govshare.document.IssuedDocuments;
import org.govshare.seal.SealRecord;
import org.springframework.stereotype.Component;

/** The documents the authority issued (rulings, notices, criticisms, assessments), carried as the sealed PDFs kept. */
@Component
class IssuedDocumentKeeper implements SealedDocumentKeeper {

    private final IssuedDocuments documents;

    IssuedDocumentKeeper(IssuedDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Optional<KeptDocument> kept(SealRecord record) {
        return documents.find(record.kind(), record.subject()).filter(d -> d.registerId().equals(record.id()))
                .map(d -> new KeptDocument("pdf", d.sealedPdf(), null));
    }
}
