package org.housingfirst.domain;

/** Another service of the platform that a request needs did not answer (503, retry later). */
public class PeerUnavailable extends RuntimeException {

    public PeerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
