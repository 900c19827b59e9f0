package org.govshare.correction;

/** The file attached to a report, as uploaded: its name, the media type the client declared, its bytes. */
public record EvidenceFile(String name, String type, byte[] content) {
}
