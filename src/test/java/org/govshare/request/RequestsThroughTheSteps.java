package org.govshare.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.catalog.CatalogEntries;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;

/**
 * A request asked and replied to over HTTP through whatever approval steps the pack under test puts around the
 * provider's review (national Art. 20), for the tests whose subject lies past them: the head of the applicant's
 * sharing office sends a request on, the provider's head lets a reply take effect. Under a pack without the steps
 * each call is the plain call. The tests of the steps themselves post to their doors directly.
 */
public final class RequestsThroughTheSteps {

    private RequestsThroughTheSteps() {
    }

    /**
     * Asks as {@code login}; where the request waits for its head, the head approves. The answer has the
     * submission's status and correlation id and the request as it stands once it has passed its head.
     */
    public static Response ask(Api api, String login, String body) {
        Response asked = api.post(login, "/api/requests", body);
        if (asked.status() != 201 || !"AWAITING_APPROVAL".equals(asked.json().path("status").asText())) {
            return asked;
        }
        String head = CatalogEntries.headOf(asked.json().path("applicantDepartment").asText());
        Response approved = api.post(head, "/api/requests/" + asked.json().path("id").asText() + "/requester-approval",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Response(asked.status(), approved.body(), asked.correlationId(), approved.contentType());
    }

    /**
     * Replies as the provider's reviewer {@code login}; where the reply waits for the provider's head, the head
     * approves it. The answer is the reply's, with the request as it stands once the reply has taken effect.
     */
    public static Response reply(Api api, String login, String id, String body) {
        Response replied = api.post(login, "/api/requests/" + id + "/reply", body);
        if (replied.status() != 200 || !"REPLY_AWAITING_APPROVAL".equals(replied.json().path("status").asText())) {
            return replied;
        }
        String head = CatalogEntries.headOf(replied.json().path("providerDepartment").asText());
        Response approved = api.post(head, "/api/requests/" + id + "/reply-approval", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Response(replied.status(), approved.body(), replied.correlationId(), approved.contentType());
    }
}
