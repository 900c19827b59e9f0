package org.govshare.platform.web;

/** Something the caller named does not exist. Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
