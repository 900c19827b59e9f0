package org.govshare.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.SharingMethod;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.ItemFilter;
import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.secrets.SecretBox;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider services (Art. 10, 11): a provider keeps the data of a resource at home and registers the HTTP service
 * that answers for it; the platform calls that service on a consumer's behalf. The provider's PROVIDER_REVIEWER
 * officials register it; the provider and the sharing authority see it, without its secrets.
 */
@Service
public class ProviderServices {

    static final String OBJECT_TYPE = "provider-service";
    static final int MIN_TIMEOUT_MILLIS = 100;
    /** Query parameters the platform adds itself; a data item of that name cannot be a parameter as well. */
    private static final Set<String> RESERVED = Set.of("page", "size");
    /** RFC 9110 token characters, less the headers the JDK client sets itself. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Set<String> HEADERS_NOT_SETTABLE = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "accept");
    private static final int URL_MAX = 2000;
    private static final int USERNAME_MAX = 200;

    private final Catalog catalog;
    private final ProviderServiceStore store;
    private final ProviderClient client;
    private final ProviderAddressCheck addresses;
    private final SecretBox secrets;
    private final AuditTrail auditTrail;
    private final ProviderServicesProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<ServiceChangeCheck> changeChecks;

    ProviderServices(Catalog catalog, ProviderServiceStore store, ProviderClient client, ProviderAddressCheck addresses,
                     SecretBox secrets, AuditTrail auditTrail, ProviderServicesProperties properties, Clock clock,
                     ApplicationEventPublisher events, List<ServiceChangeCheck> changeChecks) {
        this.events = events;
        this.catalog = catalog;
        this.store = store;
        this.client = client;
        this.addresses = addresses;
        this.secrets = secrets;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
        this.changeChecks = List.copyOf(changeChecks);
    }

    /** Registers the service of a published PROVIDER_SERVICE resource, or replaces its registration. */
    @Transactional
    public RegisteredService register(Caller by, String resourceCode, ServiceRegistration registration) {
        CatalogEntry entry = published(resourceCode);
        Official official = requireProviderReviewer(by, entry);
        if (entry.sharingMethod() != SharingMethod.PROVIDER_SERVICE) {
            throw new ConflictException("sharingMethod", "provider-service-only", resourceCode + " is shared as "
                    + entry.sharingMethod() + "; only a PROVIDER_SERVICE resource has a service to register");
        }
        validate(registration, entry);
        ServiceCredentials credentials = registration.credentials();
        String secret = credentials.secret();
        ProviderServiceStore.Stored stored = new ProviderServiceStore.Stored(resourceCode, entry.providerDepartment(),
                registration.url().strip(), List.copyOf(parametersOf(registration)), registration.timeoutMillis(),
                credentials.type(), blankToNull(credentials.username()), blankToNull(credentials.headerName()),
                secret == null ? null : secrets.seal(secret, resourceCode), official.login(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        // a new address or new parameters change what consumers rely on; new credentials or a timeout do not
        store.find(resourceCode).filter(before -> !before.url().equals(stored.url())
                        || !before.parameters().equals(stored.parameters()))
                .ifPresent(before -> changeChecks.forEach(check -> check.changing(resourceCode, entry.providerDepartment())));
        store.save(stored);
        events.publishEvent(new ProviderServiceRegistered(resourceCode, stored.registeredAt()));
        // what was registered, never the secrets: their presence only
        auditTrail.record(AuditEntry.ok(AuditAction.PROVIDER_SERVICE_REGISTERED, OBJECT_TYPE, resourceCode)
                .with("department", entry.providerDepartment()).with("url", stored.url())
                .with("parameters", stored.parameters()).with("timeoutMillis", stored.timeoutMillis())
                .with("credentialType", credentials.type().name()));
        return stored.view();
    }

    /** Whether a service is registered for a resource: its data is on the platform (national Art. 22; the eligibility rules' onPlatform). */
    public boolean registered(String resourceCode) {
        return store.find(resourceCode).isPresent();
    }

    /** The registration of a resource's service, for the provider's officials and the sharing authority. */
    public RegisteredService registration(Caller by, String resourceCode) {
        ProviderServiceStore.Stored stored = store.find(resourceCode)
                .orElseThrow(() -> new NotFoundException("registered provider service", resourceCode));
        if (!(by instanceof Official official)
                || !(official.department() != null && official.department().equals(stored.providerDepartment())
                || official.has(Role.AUTHORITY))) {
            throw new AccessDeniedException("the service of " + resourceCode + " is seen by officials of "
                    + stored.providerDepartment() + " and the sharing authority");
        }
        return stored.view();
    }

    /**
     * Calls the resource's registered endpoint with the filters as its parameters.
     *
     * @param filters exact values of declared parameters only
     * @param page the page asked for, from 0, passed on as {@code page}
     * @param size records per page, passed on as {@code size}
     * @return the records as the service answered them, every item it sent (the access layer selects and masks)
     * @throws InvalidInputException a filter on an item that is not a declared parameter, or a range (the field is
     *                               the item, rule {@code not-a-service-parameter} or {@code exact-value-only})
     * @throws NotFoundException when no service is registered for the resource
     * @throws ProviderUnavailableException when it does not answer in time (504) or answers with an error (502)
     */
    public DataSlice call(String resourceCode, List<ItemFilter> filters, int page, int size) {
        ProviderServiceStore.Stored stored = store.find(resourceCode)
                .orElseThrow(() -> new NotFoundException("registered provider service", resourceCode));
        Map<String, String> query = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (ItemFilter filter : filters) {
            if (!stored.parameters().contains(filter.item())) {
                errors.add(new FieldError(filter.item(), "not-a-service-parameter", "the provider's service of "
                        + resourceCode + " cannot filter on '" + filter.item() + "'; it takes " + stored.parameters()));
            } else if (!filter.exact()) {
                errors.add(new FieldError(filter.item(), "exact-value-only", "the provider's service of " + resourceCode
                        + " takes an exact value for '" + filter.item() + "', not a range"));
            } else {
                query.put(filter.item(), filter.equalTo());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        query.put("page", String.valueOf(page));
        query.put("size", String.valueOf(size));
        try {
            return client.get(ProviderClient.prepare(stored.url(), query, credentialsOf(stored), stored.timeoutMillis()));
        } catch (ProviderUnavailableException failed) {
            // the audit event of the 502/504 names the service, so its failures are counted per day (Art. 28)
            failed.concerning("upstream", OBJECT_TYPE).concerning("resource", resourceCode)
                    .concerning("department", stored.providerDepartment());
            throw failed;
        }
    }

    private ServiceCredentials credentialsOf(ProviderServiceStore.Stored stored) {
        String secret = stored.sealedSecret() == null ? null : secrets.open(stored.sealedSecret(), stored.resourceCode());
        return new ServiceCredentials(stored.credentialType(), stored.username(),
                stored.credentialType() == CredentialType.BASIC ? secret : null,
                stored.credentialType() == CredentialType.BASIC ? null : secret, stored.headerName());
    }

    private CatalogEntry published(String resourceCode) {
        CatalogListing listing = catalog.current(resourceCode)
                .orElseThrow(() -> new NotFoundException("published resource", resourceCode));
        if (!"PUBLISHED".equals(listing.status())) {
            throw new ConflictException("resourceCode", "published-resources-only", resourceCode + " is "
                    + listing.status() + "; a service is registered for a published resource only");
        }
        return listing.entry();
    }

    private static Official requireProviderReviewer(Caller by, CatalogEntry entry) {
        if (!(by instanceof Official official) || !official.has(Role.PROVIDER_REVIEWER)
                || !entry.providerDepartment().equals(official.department())) {
            throw new AccessDeniedException("the service of " + entry.code() + " is registered by the PROVIDER_REVIEWER"
                    + " officials of " + entry.providerDepartment());
        }
        return official;
    }

    private void validate(ServiceRegistration r, CatalogEntry entry) {
        List<FieldError> errors = new ArrayList<>();
        checkUrl(errors, r.url());
        Set<String> items = new HashSet<>(entry.items().stream().map(CatalogEntry.DataItem::name).toList());
        Set<String> seen = new HashSet<>();
        List<String> parameters = parametersOf(r);
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i);
            String field = "parameters[" + i + "]";
            if (name == null || !items.contains(name)) {
                errors.add(new FieldError(field, "parameter-not-an-item", "'" + name + "' is not a data item of "
                        + entry.code() + "; its items are " + entry.items().stream().map(CatalogEntry.DataItem::name).toList()));
            } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field, "parameter-reserved", "'" + name + "' cannot be a parameter: the platform"
                        + " sends page and size itself"));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(field, "parameter-duplicate", "'" + name + "' is named twice"));
            }
        }
        long max = properties.maxTimeout().toMillis();
        if (r.timeoutMillis() == null || r.timeoutMillis() < MIN_TIMEOUT_MILLIS || r.timeoutMillis() > max) {
            errors.add(new FieldError("timeoutMillis", "timeout-range", "the time-out is " + r.timeoutMillis()
                    + " ms; give one between " + MIN_TIMEOUT_MILLIS + " and " + max + " ms"));
        }
        checkCredentials(errors, r.credentials());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void checkUrl(List<FieldError> errors, String url) {
        String why = null;
        if (url == null || url.isBlank()) {
            why = "give the service's absolute address, e.g. https://api.gaj.zz.gov/residents";
        } else if (url.strip().length() > URL_MAX) {
            why = "the address has more than " + URL_MAX + " characters";
        } else {
            try {
                URI uri = new URI(url.strip());
                if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    why = "give an absolute http(s) address with a host, e.g. https://api.gaj.zz.gov/residents";
                } else if (uri.getRawUserInfo() != null) {
                    // it would be stored and shown as it is: credentials belong in credentials, where they are sealed
                    why = "the address holds a login; give it under credentials instead, where it is kept encrypted";
                } else if (uri.getRawFragment() != null) {
                    why = "the address has a fragment (#…), which is never sent to a service";
                }
            } catch (URISyntaxException e) {
                why = "the address is not valid: " + e.getReason() + " at character " + e.getIndex();
            }
        }
        if (why != null) {
            errors.add(new FieldError("url", "url-format", why));
        } else {
            checkReachable(errors, URI.create(url.strip()));
        }
    }

    /** Told now, though each call checks again: the address connected to then is the one that counts. */
    private void checkReachable(List<FieldError> errors, URI uri) {
        try {
            addresses.reachable(uri);
        } catch (AddressNotAllowedException e) {
            errors.add(new FieldError("url", "address-not-allowed", e.getMessage()));
        } catch (UnknownHostException e) {
            errors.add(new FieldError("url", "address-not-resolved", uri.getHost() + " has no address the platform can"
                    + " find; register the service once its name is in DNS"));
        }
    }

    private static void checkCredentials(List<FieldError> errors, ServiceCredentials c) {
        if (c == null || c.type() == null) {
            errors.add(new FieldError("credentials.type", "required", "say how the platform proves itself to the service:"
                    + " NONE, BASIC (username, password), BEARER (token) or HEADER (headerName, token)"));
            return;
        }
        Map<String, String> given = new LinkedHashMap<>();
        given.put("username", c.username());
        given.put("password", c.password());
        given.put("token", c.token());
        given.put("headerName", c.headerName());
        Set<String> needed = switch (c.type()) {
            case NONE -> Set.of();
            case BASIC -> Set.of("username", "password");
            case BEARER -> Set.of("token");
            case HEADER -> Set.of("headerName", "token");
        };
        given.forEach((name, value) -> {
            boolean present = value != null && !value.isBlank();
            if (needed.contains(name) && !present) {
                errors.add(new FieldError("credentials." + name, "credentials-incomplete", c.type() + " credentials need "
                        + String.join(" and ", needed.stream().sorted().toList()) + "; " + name + " is missing"));
            } else if (!needed.contains(name) && present) {
                // a value the platform would never send is a mistake worth telling, and a secret not worth keeping
                errors.add(new FieldError("credentials." + name, "credentials-not-for-type", c.type()
                        + " credentials have no " + name + "; leave it out"));
            }
        });
        if (c.username() != null && (c.username().length() > USERNAME_MAX || c.username().contains(":"))) {
            errors.add(new FieldError("credentials.username", "credentials-format", "a Basic username has at most "
                    + USERNAME_MAX + " characters and no colon"));
        }
        if (c.type() == CredentialType.HEADER && c.headerName() != null && !c.headerName().isBlank()
                && (!HEADER_NAME.matcher(c.headerName()).matches()
                || HEADERS_NOT_SETTABLE.contains(c.headerName().toLowerCase(Locale.ROOT)))) {
            errors.add(new FieldError("credentials.headerName", "header-name-format", "'" + c.headerName()
                    + "' cannot carry a credential: use an HTTP header name such as X-Api-Key"));
        }
        // a token travels as it is in a header, where only visible ASCII may stand (a Basic password is base64-encoded)
        if (c.token() != null && c.token().chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e)) {
            errors.add(new FieldError("credentials.token", "credentials-format", "a token is sent in an HTTP header:"
                    + " printable ASCII characters only"));
        }
    }

    private static List<String> parametersOf(ServiceRegistration r) {
        return r.parameters() == null ? List.of() : r.parameters();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
