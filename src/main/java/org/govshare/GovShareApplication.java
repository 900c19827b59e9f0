package org.govshare;

import java.util.Arrays;

import org.govshare.evidence.VerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** GovShare: government departments share information resources with each other under law. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovShareApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            // checks an evidence package offline: no Spring, no database, no network
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(GovShareApplication.class, args);
    }
}
