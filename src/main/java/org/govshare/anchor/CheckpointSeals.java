package org.govshare.anchor;

import org.springframework.stereotype.Component;

/** Placeholder until the seal foundation lands. */
@Component
class CheckpointSeals {

    record Stamped(byte[] timestampToken, byte[] seal, String registerId) {
    }

    Stamped stampAndSeal(byte[] statement, long number) {
        throw new UnsupportedOperationException("seal foundation not merged yet");
    }

    String certificatesPem() {
        return "";
    }

    /** Why the checkpoint's seal or timestamp does not verify; null when both do. */
    String problemWith(Checkpoint checkpoint) {
        return null;
    }
}
