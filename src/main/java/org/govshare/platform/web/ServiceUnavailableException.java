package org.govshare.platform.web;

/** A backing service the request needs is down. Answered with 503; nothing is lost. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
