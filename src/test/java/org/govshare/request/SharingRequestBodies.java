package org.govshare.request;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of a valid sharing request for the tests: identity checks for social assistance, for 90 days from today. */
public final class SharingRequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharingRequestBodies() {
    }

    /** A request for these items of the resource, to be used by this official of the applicant. */
    public static ObjectNode request(String code, String official, String... items) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ObjectNode body = JSON.createObjectNode();
        body.put("resourceCode", code);
        body.set("items", JSON.valueToTree(List.of(items)));
        body.put("purpose", "低保申请人身份核验 identity checks for social assistance");
        body.set("duty", JSON.createObjectNode().put("law", "《社会救助暂行办法》").put("article", "第十一条"));
        body.put("scenario", "ADMINISTRATIVE_APPROVAL");
        body.put("validFrom", today.toString());
        body.put("validUntil", today.plusDays(89).toString());
        body.set("officials", JSON.valueToTree(List.of(official)));
        return body;
    }

    /**
     * Public Security asks for two items of an organisations register, to check organisations in a case, for 30 days,
     * used by gaj.zhang: granted at once when the resource is unconditional. The benchmarks' request.
     */
    public static String organisationsInACase(String code) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return """
                {"resourceCode":"%s","items":["统一社会信用代码","组织名称"],"purpose":"核查涉案组织",
                 "scenario":"LAW_ENFORCEMENT","validFrom":"%s","validUntil":"%s","officials":["gaj.zhang"]}"""
                .formatted(code, today, today.plusDays(30));
    }
}
