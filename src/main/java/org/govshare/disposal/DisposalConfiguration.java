package org.govshare.disposal;

import org.govshare.platform.web.RequestBodyAllowance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class DisposalConfiguration {

    /** An attestation may carry its proof: room for the file at its limit, the attestation and the framing. */
    @Bean
    RequestBodyAllowance disposalAttestationBodies(DisposalProperties properties) {
        return new RequestBodyAllowance(HttpMethod.POST, "/api/grants/{grantId}/disposal",
                DataSize.ofBytes(properties.maxFileSize().toBytes() * 2 + DataSize.ofMegabytes(1).toBytes()));
    }
}
