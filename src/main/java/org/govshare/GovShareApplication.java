package org.govshare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** GovShare: government departments share information resources with each other under law. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovShareApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovShareApplication.class, args);
    }
}
