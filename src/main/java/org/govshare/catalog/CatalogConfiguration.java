package org.govshare.catalog;

import org.govshare.platform.web.RequestBodyAllowance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /**
     * A submission may carry its two assessment reports in base64 (Art. 13 of the national regulation): room for both
     * at their limit, a third more for the encoding, and the entry; a report just over its limit still reaches the
     * check that names the field and the rule.
     */
    @Bean
    RequestBodyAllowance catalogSubmissionBodies(CatalogProperties properties) {
        return new RequestBodyAllowance(HttpMethod.POST, "/api/catalog/submissions", submissionBody(properties));
    }

    /** A revision may bring new reports, as a submission does. */
    @Bean
    RequestBodyAllowance catalogRevisionBodies(CatalogProperties properties) {
        return new RequestBodyAllowance(HttpMethod.PUT, "/api/catalog/submissions/{id}", submissionBody(properties));
    }

    private static DataSize submissionBody(CatalogProperties properties) {
        return DataSize.ofBytes(properties.maxAssessmentSize().toBytes() * 3 + DataSize.ofMegabytes(1).toBytes());
    }
}
