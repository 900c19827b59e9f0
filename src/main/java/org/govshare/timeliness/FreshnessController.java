package org.govshare.timeliness;

import java.util.List;

import org.govshare.platform.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The freshness of published resources today, for whoever may read the catalog (every official): the catalog page
 * asks for the codes of the page it shows, a case page for its resource. Codes not published are left out.
 */
@RestController
@RequestMapping("/api/freshness")
class FreshnessController {

    /** As many codes as the catalog's largest page. */
    static final int MAX_CODES = 100;

    private final Timeliness timeliness;

    FreshnessController(Timeliness timeliness) {
        this.timeliness = timeliness;
    }

    @GetMapping
    List<Freshness> freshness(@RequestParam(name = "resource", required = false) List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException("resource", "required", "name at least one resource code: ?resource=101001/101001");
        }
        if (codes.size() > MAX_CODES) {
            throw new InvalidInputException("resource", "too-many", codes.size() + " codes; ask for at most " + MAX_CODES
                    + " at a time");
        }
        return timeliness.freshness(codes.stream().distinct().toList());
    }
}
