package org.govshare.catalog;

import java.io.IOException;

import org.govshare.identity.Official;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Spreadsheet import of a department's catalog, and the template to fill in. */
@RestController
@RequestMapping("/api/catalog/imports")
class CatalogImportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CatalogImport catalogImport;

    CatalogImportController(CatalogImport catalogImport) {
        this.catalogImport = catalogImport;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CatalogImport.ImportReport importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal Official me)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "empty-file", "the uploaded file is empty");
        }
        return catalogImport.importFile(me, file.getOriginalFilename(), file.getInputStream());
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalog-template.xlsx\"")
                .body(CatalogSheet.template());
    }
}
