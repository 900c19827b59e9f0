package org.govshare.request;

import java.time.LocalDate;
import java.util.List;

/**
 * What an applicant asks for.
 *
 * @param resourceCode the published resource, e.g. {@code 101001/101007}
 * @param items the data items wanted, a subset of the resource's
 * @param purpose what the data is for, in words (Art. 20)
 * @param duty the statutory duty it serves
 * @param validFrom first day of use
 * @param validUntil last day of use
 * @param officials logins of the applicant department's officials who will use the data
 * @param systems client ids of the applicant department's registered systems that will use it
 * @param applicantDepartment optional; when given it must be the caller's own department
 */
public record NewRequest(String resourceCode, List<String> items, String purpose, Duty duty, Scenario scenario,
                         LocalDate validFrom, LocalDate validUntil, List<String> officials, List<String> systems,
                         String applicantDepartment) {

    public NewRequest {
        items = items == null ? List.of() : items;
        officials = officials == null ? List.of() : officials;
        systems = systems == null ? List.of() : systems;
    }
}
