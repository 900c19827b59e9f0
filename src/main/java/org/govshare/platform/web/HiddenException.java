package org.govshare.platform.web;

/**
 * Something that exists but that the caller may not learn of: answered exactly as a {@link NotFoundException}, so the
 * answer tells nothing, yet audited as the refusal it is (a plain 404 is not).
 */
public class HiddenException extends NotFoundException {

    public HiddenException(String what, String id) {
        super(what, id);
    }
}
