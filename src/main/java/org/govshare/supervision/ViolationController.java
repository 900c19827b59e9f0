package org.govshare.supervision;

import java.util.List;

import org.govshare.identity.Official;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The violation register as each official may see it. */
@RestController
class ViolationController {

    private final ViolationRegister register;

    ViolationController(ViolationRegister register) {
        this.register = register;
    }

    @GetMapping("/api/violations")
    List<Violation> violations(@AuthenticationPrincipal Official me, @RequestParam(required = false) String department) {
        return register.visibleTo(me, department);
    }
}
