package org.govshare.dataset;

import org.govshare.platform.web.RequestBodyAllowance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

    /** Pushes carry whole datasets, far above the API's general body limit; every other call keeps that limit. */
    @Bean
    RequestBodyAllowance datasetPushBodies(DatasetProperties properties) {
        return new RequestBodyAllowance(HttpMethod.POST, DatasetController.PUSH_PATH, properties.maxPushSize());
    }
}
