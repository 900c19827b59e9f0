package org.govshare.correction;

import org.govshare.platform.web.RequestBodyAllowance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class CorrectionConfiguration {

    /**
     * A report carries its evidence: the body may be the evidence limit plus room for the report and the multipart
     * framing, so an evidence file just over its limit reaches the check that names the field and the rule.
     */
    @Bean
    RequestBodyAllowance correctionReportBodies(CorrectionProperties properties) {
        return new RequestBodyAllowance(HttpMethod.POST, "/api/corrections",
                DataSize.ofBytes(properties.maxEvidenceSize().toBytes() * 2 + DataSize.ofMegabytes(1).toBytes()));
    }
}
