package org.govshare.need;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/needs")
class SharingNeedsController {

    private final SharingNeeds needs;

    SharingNeedsController(SharingNeeds needs) {
        this.needs = needs;
    }

    /**
     * @param description what the department needs, in words
     * @param wantedItems the data items it needs, by name (e.g. 公民身份号码)
     * @param purpose what it needs them for (Art. 20)
     * @param legalDuty the statutory duty the purpose serves
     */
    record NewNeed(@NotBlank @Size(max = 2000) String description, @NotEmpty @Size(max = 100) List<String> wantedItems,
                   @NotBlank @Size(max = 1000) String purpose, @NotBlank @Size(max = 1000) String legalDuty) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NeedMatch record(@Valid @RequestBody NewNeed need, @AuthenticationPrincipal Official me) {
        return needs.record(me, need.description(), need.wantedItems(), need.purpose(), need.legalDuty());
    }

    @GetMapping
    List<NeedMatch> needs(@RequestParam(required = false) String department, @AuthenticationPrincipal Official me,
                          Paging paging) {
        return needs.needsOf(me, department == null ? me.department() : department, paging.page(), paging.size());
    }

    @GetMapping("/unmet")
    List<NeedMatch> unmet(@AuthenticationPrincipal Official me, Paging paging) {
        return needs.unmet(me, paging.page(), paging.size());
    }
}
