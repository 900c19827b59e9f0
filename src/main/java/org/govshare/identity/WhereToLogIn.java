package org.govshare.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the platform where to log in, once it is ready. */
@Component
class WhereToLogIn {

    private static final Logger log = LoggerFactory.getLogger(WhereToLogIn.class);

    private final Environment environment;
    private final DemoProperties demo;

    WhereToLogIn(Environment environment, DemoProperties demo) {
        this.environment = environment;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""
                GovShare is ready. Log in at:
                  Tasklist  {}/camunda/app/tasklist/   (officials' tasks)
                  Cockpit   {}/camunda/app/cockpit/    (process owners)
                  Admin     {}/camunda/app/admin/      (administrators)
                  Catalog   {}/catalog/                (the sharing catalog)
                  Audit     {}/audit/                  (the audit trail: authority, supervisors)
                  API       {}/api/me                  (HTTP Basic), health {}/actuator/health
                {}""", base, base, base, base, base, base, base,
                demo.enabled() ? "Demo logins (README): admin, authority.li, gaj.zhang, … with the password '" + demo.password() + "'"
                        : "Logins are the officials registered on this platform.");
    }
}
