package org.housingfirst.identity;

/**
 * A validated identity in its one canonical form: {@code SE:} and 12 digits, {@code NO:} and 11 digits, or {@code
 * REF:} with the organisation and its reference. It exists only inside a request and is never stored, logged or
 * printed: {@link #toString()} hides it.
 */
public final class NormalisedIdentity {

    private final String canonical;

    NormalisedIdentity(String canonical) {
        this.canonical = canonical;
    }

    String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NormalisedIdentity that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return "NormalisedIdentity[hidden]";
    }
}
