package org.govshare.provider;

import org.govshare.identity.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's service for a resource, under the resource's data path; the code {@code 101001/101007} appears as
 * its two parts, as in the catalog. Registered systems may reach {@code /api/data/**}, so the service refuses any
 * caller but an official itself.
 */
@RestController
@RequestMapping("/api/data/{front}/{back}/service")
class ProviderServiceController {

    private final ProviderServices services;

    ProviderServiceController(ProviderServices services) {
        this.services = services;
    }

    @PutMapping
    RegisteredService register(@PathVariable String front, @PathVariable String back,
                               @RequestBody ServiceRegistration registration, @AuthenticationPrincipal Caller me) {
        return services.register(me, front + "/" + back, registration);
    }

    @GetMapping
    RegisteredService registration(@PathVariable String front, @PathVariable String back,
                                   @AuthenticationPrincipal Caller me) {
        return services.registration(me, front + "/" + back);
    }
}
