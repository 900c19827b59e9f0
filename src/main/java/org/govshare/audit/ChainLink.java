package org.govshare.audit;

/**
 * One event's place in the hash chain, without its content: what a witness outside the chain needs.
 *
 * @param seq its place in the chain
 * @param eventId the event's id
 * @param hash its chain hash (hex)
 */
public record ChainLink(long seq, String eventId, String hash) {
}
