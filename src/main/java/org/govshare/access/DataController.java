package org.govshare.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govshare.dataset.ItemFilter;
import org.govshare.identity.Caller;
import org.govshare.platform.web.Attachments;
import org.govshare.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading a resource's data under a grant, for officials and registered systems:
 * {@code GET /api/data/101001/101007?purpose=…&items=姓名,公民身份号码&公民身份号码=…&出生日期.from=1990-01-01&sort=-出生日期&page=0&size=20}.
 * Any other parameter is a filter: {@code item=value} exact, {@code item.from} / {@code item.to} a range. What a grant
 * lets a caller filter and sort on is decided in {@link DataAccess}.
 */
@RestController
class DataController {

    private static final Set<String> RESERVED = Set.of("purpose", "items", "sort", "page", "size");
    /** An extract's own parameters, besides the read's. */
    private static final Set<String> EXTRACT = Set.of("format", "seal", "algorithm");

    private final DataAccess access;
    private final SealedExtracts extracts;

    DataController(DataAccess access, SealedExtracts extracts) {
        this.access = access;
        this.extracts = extracts;
    }

    @GetMapping("/api/data/{front}/{back}")
    DataAnswer read(@PathVariable String front, @PathVariable String back, @RequestParam MultiValueMap<String, String> query,
                    @RequestParam(required = false) String purpose,
                    Paging paging,
                    @AuthenticationPrincipal Caller me) {
        List<SortKey> sort = list(query, "sort").stream().map(SortKey::parse).toList();
        return access.read(me, front + "/" + back, purpose, list(query, "items"), filters(query, Set.of()), sort, paging);
    }

    /**
     * The same read, sealed by the provider for keeping: {@code …/extract?purpose=…&format=json&seal=cms} answers a ZIP
     * of {@code extract.json}, its seal and how to check it (docs/access.md, "Sealed extracts").
     */
    @GetMapping("/api/data/{front}/{back}/extract")
    ResponseEntity<byte[]> extract(@PathVariable String front, @PathVariable String back,
                                   @RequestParam MultiValueMap<String, String> query,
                                   @RequestParam(required = false) String purpose,
                                   @RequestParam(required = false) String format,
                                   @RequestParam(required = false) String seal,
                                   @RequestParam(required = false) String algorithm,
                                   Paging paging,
                                   @AuthenticationPrincipal Caller me) {
        List<SortKey> sort = list(query, "sort").stream().map(SortKey::parse).toList();
        SealedExtracts.Extract extract = extracts.extract(me, front + "/" + back, purpose, list(query, "items"),
                filters(query, EXTRACT), sort, paging, format, seal, algorithm);
        return Attachments.download(extract.fileName(), extract.contentType(), extract.content());
    }

    /** A parameter's comma-separated values (Chinese commas too), however often it is given. */
    private static List<String> list(MultiValueMap<String, String> query, String name) {
        return query.getOrDefault(name, List.of()).stream().flatMap(v -> Arrays.stream(v.split("[,，]")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<ItemFilter> filters(MultiValueMap<String, String> query, Set<String> alsoReserved) {
        Map<String, String[]> ranges = new LinkedHashMap<>();
        List<ItemFilter> filters = new ArrayList<>();
        query.forEach((name, values) -> {
            if (RESERVED.contains(name) || alsoReserved.contains(name) || values.isEmpty()) {
                return;
            }
            String value = values.get(0);
            if (name.endsWith(".from") || name.endsWith(".to")) {
                boolean from = name.endsWith(".from");
                String item = name.substring(0, name.lastIndexOf('.'));
                ranges.computeIfAbsent(item, i -> new String[2])[from ? 0 : 1] = value;
            } else {
                filters.add(ItemFilter.equalTo(name, value));
            }
        });
        ranges.forEach((item, range) -> filters.add(ItemFilter.between(item, range[0], range[1])));
        return filters;
    }
}
