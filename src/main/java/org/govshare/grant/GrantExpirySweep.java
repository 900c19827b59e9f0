package org.govshare.grant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes down, now and then, that grants past their last day have expired. */
@Component
class GrantExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(GrantExpirySweep.class);

    private final Grants grants;

    GrantExpirySweep(Grants grants) {
        this.grants = grants;
    }

    @Scheduled(fixedDelayString = "${govshare.grants.expiry-sweep:10m}", initialDelayString = "${govshare.grants.expiry-sweep:10m}")
    void sweep() {
        int expired = grants.expireDue();
        if (expired > 0) {
            log.info("{} grants expired", expired);
        }
    }
}
