package org.housingfirst.identity;

/** An identity that fails validation. The message says why, and never contains the identity itself. */
public final class InvalidIdentityException extends RuntimeException {

    InvalidIdentityException(String reason) {
        super(reason, null, false, false);
    }
}
