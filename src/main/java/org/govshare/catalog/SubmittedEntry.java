package org.govshare.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;

/**
 * The body of a submission or a revision: the entry's own fields, and beside them, where the pack asks for them,
 * its {@code assessments} (Art. 13 of the national regulation). The entry is read as strictly as any body, so an
 * unknown field is still refused by name; the assessments are not part of the entry the catalog publishes.
 */
record SubmittedEntry(CatalogEntry entry, SubmissionAssessments assessments) {

    static final String ASSESSMENTS = "assessments";

    static SubmittedEntry read(ObjectNode body, ObjectMapper json, HttpServletRequest request) {
        ObjectNode fields = body.deepCopy();
        var assessed = fields.remove(ASSESSMENTS);
        try {
            return new SubmittedEntry(json.treeToValue(fields, CatalogEntry.class),
                    assessed == null || assessed.isNull() ? null : json.treeToValue(assessed, SubmissionAssessments.class));
        } catch (JsonProcessingException e) {
            // answered as any unreadable body is: the field named, 400
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
    }
}
