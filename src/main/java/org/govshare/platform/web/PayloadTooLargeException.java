package org.govshare.platform.web;

/** A part of a request (an uploaded file) larger than its rule allows; answered with 413 naming the field and rule. */
public class PayloadTooLargeException extends RuleBrokenException {

    public PayloadTooLargeException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
