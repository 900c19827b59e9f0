package org.govshare.architecture;

import org.govshare.GovShareApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GovShareApplication.class);

    @Test
    void featureModulesUseEachOtherOnlyThroughWhatTheyOffer() {
        MODULES.forEach(System.out::println);
        MODULES.verify();
    }
}
