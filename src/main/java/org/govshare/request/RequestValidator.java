package org.govshare.request;

import static org.govshare.platform.FormValues.blank;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.govshare.calendar.Today;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.identity.OfficialDirectory;
import org.govshare.identity.RegisteredSystems;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.vocabulary.ConditionType;
import org.springframework.stereotype.Component;

/**
 * The checks of a new request's fields against the catalog and the applicant department, each naming the field and
 * the rule. They run before anything is stored; what the Measures decide (eligibility) is the rules' business.
 */
@Component
class RequestValidator {

    private final OfficialDirectory officials;
    private final RegisteredSystems systems;
    private final RequestsProperties properties;
    private final Today today;

    RequestValidator(OfficialDirectory officials, RegisteredSystems systems, RequestsProperties properties, Today today) {
        this.officials = officials;
        this.systems = systems;
        this.properties = properties;
        this.today = today;
    }

    List<FieldError> check(NewRequest r, Optional<CatalogListing> listing, String applicantDepartment) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(r.resourceCode())) {
            errors.add(new FieldError("resourceCode", "required", "name the published resource asked for, e.g. 101001/101007"));
        } else if (listing.isEmpty()) {
            errors.add(new FieldError("resourceCode", "unknown-resource", "no published resource has the code " + r.resourceCode()));
        } else if (!"PUBLISHED".equals(listing.get().status())) {
            errors.add(new FieldError("resourceCode", "resource-retired", r.resourceCode() + " is " + listing.get().status()
                    + " and can no longer be requested"));
        } else if (listing.get().entry().providerDepartment().equals(applicantDepartment)) {
            errors.add(new FieldError("resourceCode", "own-resource", "a department uses its own resources without a request"));
        }
        CatalogEntry entry = listing.map(CatalogListing::entry).orElse(null);
        items(r, entry, errors);
        if (blank(r.purpose())) {
            errors.add(new FieldError("purpose", "purpose-required",
                    "say what the data is for: shared information serves only the receiving body's duties (Art. 20)"));
        } else if (r.purpose().length() > 1000) {
            errors.add(new FieldError("purpose", "size", "a purpose has at most 1000 characters"));
        }
        if (entry != null && condition(entry, ConditionType.LEGAL_DUTY_REQUIRED).isPresent()
                && (r.duty() == null || !r.duty().cited())) {
            errors.add(new FieldError("duty", "duty-required", "the provider shares this resource only for a cited statutory"
                    + " duty: give the law and the article (duty.law, duty.article)"));
        }
        if (r.duty() != null && (length(r.duty().law()) > 300 || length(r.duty().article()) > 100)) {
            errors.add(new FieldError("duty", "size", "a law has at most 300 characters, an article at most 100"));
        }
        if (r.scenario() == null) {
            errors.add(new FieldError("scenario", "required", "say which scenario the data serves: "
                    + Arrays.toString(Scenario.values())));
        }
        period(r, entry, errors);
        users(r, applicantDepartment, errors);
        return errors;
    }

    private void items(NewRequest r, CatalogEntry entry, List<FieldError> errors) {
        if (r.items().isEmpty()) {
            errors.add(new FieldError("items", "items-required", "name at least one data item of the resource"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.items().size(); i++) {
            String item = r.items().get(i);
            if (!seen.add(item)) {
                errors.add(new FieldError("items[" + i + "]", "duplicate-item", "'" + item + "' is named twice"));
            } else if (entry != null && entry.items().stream().noneMatch(d -> d.name().equals(item))) {
                errors.add(new FieldError("items[" + i + "]", "item-not-in-resource", "'" + item + "' is not an item of "
                        + entry.code() + "; its items are " + entry.items().stream().map(CatalogEntry.DataItem::name).toList()));
            }
        }
    }

    private void period(NewRequest r, CatalogEntry entry, List<FieldError> errors) {
        if (r.validFrom() == null || r.validUntil() == null) {
            if (r.validFrom() == null) {
                errors.add(new FieldError("validFrom", "required", "give the first day of use (YYYY-MM-DD)"));
            }
            if (r.validUntil() == null) {
                errors.add(new FieldError("validUntil", "required", "give the last day of use (YYYY-MM-DD)"));
            }
            return;
        }
        LocalDate now = today.date();
        if (r.validFrom().isBefore(now)) {
            errors.add(new FieldError("validFrom", "period-in-past", "the period starts " + r.validFrom()
                    + ", before today (" + now + ")"));
        }
        if (r.validUntil().isBefore(r.validFrom())) {
            errors.add(new FieldError("validUntil", "period-reversed", "the last day " + r.validUntil()
                    + " is before the first " + r.validFrom()));
            return;
        }
        long days = ChronoUnit.DAYS.between(r.validFrom(), r.validUntil()) + 1;
        Optional<Integer> allowed = entry == null ? Optional.empty() : condition(entry, ConditionType.MAX_GRANT_DAYS)
                .flatMap(c -> parse(c.value()));
        if (allowed.isPresent() && days > allowed.get()) {
            errors.add(new FieldError("validUntil", "period-longer-than-allowed", "the provider grants this resource for at"
                    + " most " + allowed.get() + " days (MAX_GRANT_DAYS); " + days + " were asked (Art. 18)"));
        } else if (days > properties.maxPeriodDays()) {
            errors.add(new FieldError("validUntil", "period-too-long", "a request covers at most "
                    + properties.maxPeriodDays() + " days; " + days + " were asked"));
        }
    }

    private void users(NewRequest r, String department, List<FieldError> errors) {
        if (r.officials().isEmpty() && r.systems().isEmpty()) {
            errors.add(new FieldError("officials", "users-required", "name who will use the data: officials of your"
                    + " department (officials) and/or its registered systems (systems)"));
        }
        for (int i = 0; i < r.officials().size(); i++) {
            String login = r.officials().get(i);
            if (login == null || !officials.isOfficialOf(login, department)) {
                errors.add(new FieldError("officials[" + i + "]", "not-an-official-of-the-applicant",
                        "'" + login + "' is not an official of " + department));
            }
        }
        for (int i = 0; i < r.systems().size(); i++) {
            String system = r.systems().get(i);
            if (system == null || !systems.isActiveSystemOf(system, department)) {
                errors.add(new FieldError("systems[" + i + "]", "not-a-system-of-the-applicant",
                        "'" + system + "' is not an active registered system of " + department));
            }
        }
    }

    static Optional<CatalogEntry.SharingCondition> condition(CatalogEntry entry, ConditionType type) {
        return entry.conditions().stream().filter(c -> c.type() == type).findFirst();
    }

    private static Optional<Integer> parse(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }


    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
