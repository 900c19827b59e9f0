package org.govshare.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.govshare.identity.Caller;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Pushes and versions of hosted datasets. Resource codes hold a slash, so they travel as two path segments. */
@RestController
@RequestMapping("/api/data")
class DatasetController {

    static final String PUSH_PATH = "/api/data/{front}/{back}/records";
    private static final String CSV = "text/csv";

    private final HostedDatasets datasets;

    DatasetController(HostedDatasets datasets) {
        this.datasets = datasets;
    }

    @PostMapping(path = "/{front}/{back}/records", consumes = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DataVersion> push(@PathVariable String front, @PathVariable String back,
                                     @RequestParam(required = false) String mode, @AuthenticationPrincipal Caller me,
                                     HttpServletRequest request) throws IOException {
        String code = front + "/" + back;
        // refuse before a body of up to govshare.datasets.max-push-size is read
        datasets.checkPush(me, code);
        PushMode pushMode = mode(mode);
        MediaType type = MediaType.parseMediaType(request.getContentType());
        requireUtf8(type);
        HostedDatasets.Format format = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                ? HostedDatasets.Format.JSON : HostedDatasets.Format.CSV;
        try (SpooledBody body = SpooledBody.of(request.getInputStream()); InputStream in = body.open()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(datasets.push(me, code, pushMode, format, in));
        }
    }

    @GetMapping("/{front}/{back}/versions")
    List<DataVersion> versions(@PathVariable String front, @PathVariable String back, @AuthenticationPrincipal Caller me,
                               Paging paging) {
        return datasets.versions(me, front + "/" + back, paging.page(), paging.size());
    }

    private static PushMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            throw new InvalidInputException("mode", "required", "say how the push changes the dataset: mode=REPLACE (the"
                    + " push is the whole dataset) or mode=UPSERT (add or change records by key)");
        }
        try {
            return PushMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mode", "unknown-value", "'" + mode + "' is not a mode; use REPLACE or UPSERT");
        }
    }

    private static void requireUtf8(MediaType type) {
        String declared = type.getParameter("charset");
        boolean utf8;
        try {
            utf8 = declared == null || Charset.forName(declared.replace("\"", "")).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            utf8 = false;
        }
        if (!utf8) {
            throw new InvalidInputException("body", "utf-8", "the body is declared " + declared
                    + "; pushes are UTF-8 (Content-Type: " + type.getType() + "/" + type.getSubtype() + "; charset=UTF-8)");
        }
    }
}
