package org.govshare.usage;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.Attachments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A grant's usage records (national Art. 29): added by its holder as JSON, or as multipart with the record in the part
 * {@code record} and its files in parts named {@code files}; read by the holder, the provider and the authority.
 */
@RestController
@RequestMapping("/api/grants/{grantId}/usage-records")
class UsageRecordController {

    private final UsageRecords usageRecords;

    UsageRecordController(UsageRecords usageRecords) {
        this.usageRecords = usageRecords;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UsageRecord> add(@PathVariable String grantId, @RequestBody NewUsageRecord record,
                                    @AuthenticationPrincipal Official me) {
        return created(grantId, usageRecords.add(me, grantId, record, List.of()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UsageRecord> addWithFiles(@PathVariable String grantId, @RequestPart("record") NewUsageRecord record,
                                             @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                             @AuthenticationPrincipal Official me) throws IOException {
        List<EvidenceFile> attached = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            attached.add(new EvidenceFile(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
        }
        return created(grantId, usageRecords.add(me, grantId, record, attached));
    }

    @GetMapping
    List<UsageRecord> list(@PathVariable String grantId, @AuthenticationPrincipal Caller me) {
        return usageRecords.of(me, grantId);
    }

    @GetMapping("/{recordId}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String grantId, @PathVariable long recordId, @PathVariable long fileId,
                                @AuthenticationPrincipal Caller me) {
        UsageRecords.Download download = usageRecords.file(me, grantId, recordId, fileId);
        return Attachments.download(download.file().name(), download.file().type(), download.content());
    }

    @DeleteMapping("/{recordId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String grantId, @PathVariable long recordId,
                                @AuthenticationPrincipal Official me) {
        usageRecords.delete(me, grantId, recordId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<UsageRecord> created(String grantId, UsageRecord record) {
        return ResponseEntity.created(URI.create("/api/grants/" + grantId + "/usage-records/" + record.id())).body(record);
    }
}
