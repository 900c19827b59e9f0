package org.govshare.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.govshare.platform.web.InvalidInputException.FieldError;

/**
 * Which page of a list the caller asked for: {@code page} counts from 0, {@code size} from 1 to
 * {@code govshare.request.max-page-size}. A controller takes it as a parameter and gets it checked; every list of
 * the API reads its paging here, so every list refuses the same mistakes with the same rules.
 *
 * @param page the zero-based page number
 * @param size the items per page
 */
public record Paging(int page, int size) {

    static final String PAGE = "page";
    static final String SIZE = "size";

    /** The paging a request asks for, defaults filled in; refused naming {@code page} or {@code size} and the rule broken. */
    static Paging of(HttpServletRequest request, RequestProperties limits) {
        List<FieldError> errors = new ArrayList<>();
        Integer page = number(request, PAGE, errors);
        Integer size = number(request, SIZE, errors);
        if (page != null && page < 0) {
            errors.add(new FieldError(PAGE, "min", "pages count from 0; " + page + " is not a page"));
        } else if (page != null && page > limits.maxPage()) {
            errors.add(new FieldError(PAGE, "max", "page " + page + " is deeper than the " + limits.maxPage()
                    + " pages a list serves; narrow the query instead"));
        }
        if (size != null && (size < 1 || size > limits.maxPageSize())) {
            errors.add(new FieldError(SIZE, "range", "a page holds 1 to " + limits.maxPageSize() + " items, not " + size));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Paging(page == null ? 0 : page, size == null ? limits.defaultPageSize() : size);
    }

    private static Integer number(HttpServletRequest request, String name, List<FieldError> errors) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "invalid-format", "'" + value + "' is not a whole number; give " + name
                    + " as digits, e.g. " + name + "=" + (PAGE.equals(name) ? "0" : "20")));
            return null;
        }
    }
}
