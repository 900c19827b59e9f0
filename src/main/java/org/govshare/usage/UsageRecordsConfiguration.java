package org.govshare.usage;

import org.govshare.platform.web.RequestBodyAllowance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class UsageRecordsConfiguration {

    /**
     * A usage record carries its files: the body may hold every file at its limit plus room for the record and the
     * multipart framing, so a file just over its limit reaches the check that names the field and the rule.
     */
    @Bean
    RequestBodyAllowance usageRecordBodies(UsageRecordsProperties properties) {
        return new RequestBodyAllowance(HttpMethod.POST, "/api/grants/{grantId}/usage-records",
                DataSize.ofBytes(properties.maxFileSize().toBytes() * (properties.maxFiles() + 1)
                        + DataSize.ofMegabytes(1).toBytes()));
    }
}
