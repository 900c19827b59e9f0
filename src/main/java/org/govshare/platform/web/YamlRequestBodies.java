package org.govshare.platform.web;

import java.lang.reflect.Type;
import java.util.List;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;

/**
 * YAML request bodies ({@code application/yaml}, {@code text/yaml}) read into the same records as JSON, with the
 * platform's Jackson settings (unknown fields refused). Answers stay JSON: the converter only reads, since a
 * writing one would be offered first to every caller that accepts anything.
 */
@Configuration(proxyBeanMethods = false)
class YamlRequestBodies {

    @Bean
    MappingJackson2YamlHttpMessageConverter yamlRequestBodyConverter(Jackson2ObjectMapperBuilder mappers) {
        MappingJackson2YamlHttpMessageConverter converter = new MappingJackson2YamlHttpMessageConverter(
                mappers.factory(new YAMLFactory()).build()) {

            @Override
            public boolean canWrite(Class<?> clazz, MediaType mediaType) {
                return false;
            }

            @Override
            public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
                return false;
            }
        };
        converter.setSupportedMediaTypes(List.of(MediaType.parseMediaType("application/yaml"),
                MediaType.parseMediaType("application/*+yaml"), MediaType.parseMediaType("text/yaml")));
        return converter;
    }
}
