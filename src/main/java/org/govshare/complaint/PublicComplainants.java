package org.govshare.complaint;

import static org.govshare.platform.FormValues.blank;

import java.util.Arrays;
import java.util.List;

import org.govshare.platform.JsonColumns;
import org.govshare.platform.secrets.SecretBox;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.springframework.stereotype.Component;

/**
 * The citizen or organisation behind a complaint an official lodges for it (national Art. 37). Its name and contact
 * are personal data: sealed at rest with the platform's secrets key, bound to the complaint's number (a sealed value
 * copied to another complaint does not open), shown masked to everyone but the authority handling the complaint, and
 * kept out of the facts, which reach the audit trail and through it Elasticsearch.
 */
@Component
class PublicComplainants {

    private static final int MAX_NAME = 100;
    private static final int MAX_CONTACT = 200;

    private final SecretBox secrets;
    private final JsonColumns json;

    PublicComplainants(SecretBox secrets, JsonColumns json) {
        this.secrets = secrets;
        this.json = json;
    }

    /** The complainant as lodged, checked; every error is added, none names the values. */
    Complaint.PublicComplainant checked(NewComplaint.PublicComplainant asked, String facts, List<FieldError> errors) {
        Complaint.PublicComplainant.Kind kind = Arrays.stream(Complaint.PublicComplainant.Kind.values())
                .filter(k -> k.name().equals(asked.kind())).findFirst().orElse(null);
        if (kind == null) {
            errors.add(new FieldError("publicComplainant.kind", "complainant-kind", "CITIZEN or ORGANISATION"));
        }
        if (blank(asked.name()) || asked.name().strip().length() > MAX_NAME) {
            errors.add(new FieldError("publicComplainant.name", "required-at-most-" + MAX_NAME,
                    "the complainant's name, in at most " + MAX_NAME + " characters"));
        }
        if (blank(asked.contact()) || asked.contact().strip().length() > MAX_CONTACT) {
            errors.add(new FieldError("publicComplainant.contact", "required-at-most-" + MAX_CONTACT,
                    "how to reach the complainant (telephone, e-mail or address), in at most " + MAX_CONTACT + " characters"));
        }
        if (kind == null || blank(asked.name()) || blank(asked.contact())) {
            return null;
        }
        Complaint.PublicComplainant clear = new Complaint.PublicComplainant(kind, asked.name().strip(),
                asked.contact().strip());
        if (facts != null && (facts.contains(clear.name()) || facts.contains(clear.contact()))) {
            errors.add(new FieldError("facts", "facts-without-complainant", "keep the complainant's name and contact out of"
                    + " the facts: the facts reach the audit trail, the name and contact are kept sealed"));
        }
        return clear;
    }

    String seal(Complaint.PublicComplainant clear, String complaintId) {
        return secrets.seal(json.write(clear), context(complaintId));
    }

    Complaint.PublicComplainant open(String sealed, String complaintId) {
        return json.read(secrets.open(sealed, context(complaintId)), Complaint.PublicComplainant.class, "complaint");
    }

    private static String context(String complaintId) {
        return "complaint:" + complaintId + ":public-complainant";
    }

    /** The form everyone but the handling authority sees: the first character of the name, the ends of the contact. */
    static Complaint.PublicComplainant masked(Complaint.PublicComplainant clear) {
        return new Complaint.PublicComplainant(clear.kind(), maskedName(clear.name()), maskedContact(clear.contact()));
    }

    static String maskedName(String name) {
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, Math.min(3, name.codePointCount(first, name.length()))));
    }

    static String maskedContact(String contact) {
        int at = contact.indexOf('@');
        if (at > 0) {
            return contact.charAt(0) + "***" + contact.substring(at);
        }
        int n = contact.length();
        if (n >= 11) {
            return contact.substring(0, 3) + "****" + contact.substring(n - 4);
        }
        return "****" + contact.substring(Math.max(0, n - 2));
    }
}
