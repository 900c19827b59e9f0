package org.govshare.need;

import java.time.Instant;
import java.util.List;

/**
 * What a department needs from others (Art. 15): the information, the data items, the purpose and the duty it
 * serves (Art. 20: purpose limitation starts here).
 *
 * @param status OPEN, or MET once a resource collected for it (Art. 9) is published
 * @param metByResource the code of that resource, when MET
 */
public record SharingNeed(String id, String department, String recordedBy, Instant recordedAt, String description,
                          List<String> wantedItems, String purpose, String legalDuty, String status,
                          String metByResource) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
