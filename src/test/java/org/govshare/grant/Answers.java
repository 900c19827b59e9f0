package org.govshare.grant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.support.Api.Response;

/** What of an answer may tell anything: the status and the problem without its request-specific parts. */
public final class Answers {

    private Answers() {
    }

    /** The status and the problem document, the correlation id and the path left out and the grant named X. */
    public static String shape(Response response, String grantId) {
        ObjectNode problem = response.json().deepCopy();
        problem.remove("correlationId");
        problem.remove("instance");
        return response.status() + " " + problem.toString().replace(grantId, "X");
    }
}
