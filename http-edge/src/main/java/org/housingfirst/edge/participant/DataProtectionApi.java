package org.housingfirst.edge.participant;

/** The API documents' one tag for erasure and subject access, whichever service and controller declares it. */
public final class DataProtectionApi {

    public static final String TAG = "data protection";
    public static final String TAG_DESCRIPTION = "Erasure and subject access, for the municipality's dpo role";

    private DataProtectionApi() {}
}
