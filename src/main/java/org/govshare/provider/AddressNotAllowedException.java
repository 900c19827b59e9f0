package org.govshare.provider;

import java.net.UnknownHostException;

/**
 * A provider's service address that resolves to a network provider services may not reach. An
 * {@link UnknownHostException}, since to the HTTP client that calls it the name has no address it may use.
 */
class AddressNotAllowedException extends UnknownHostException {

    AddressNotAllowedException(String sentence) {
        super(sentence);
    }
}
