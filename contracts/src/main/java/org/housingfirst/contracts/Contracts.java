package org.housingfirst.contracts;

/**
 * Names and locations that derive from a contract event's type: its bounded context (the last package segment), its
 * simple name and its revision.
 */
public final class Contracts {

    private Contracts() {}

    /** The producing context, e.g. {@code tenancy}. */
    public static String context(Class<? extends ContractEvent> type) {
        String pkg = type.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** The CloudEvents {@code type}, e.g. {@code org.housingfirst.tenancy.TenancyStarted.v1}. */
    public static String cloudEventType(Class<? extends ContractEvent> type) {
        return "org.housingfirst." + context(type) + "." + type.getSimpleName() + ".v" + ContractEvent.revisionOf(type);
    }

    /** The schema's {@code $id}, used as CloudEvents {@code dataschema}. */
    public static String schemaId(Class<? extends ContractEvent> type) {
        return "urn:housingfirst:contracts:" + context(type) + ":" + type.getSimpleName() + ":"
                + ContractEvent.revisionOf(type);
    }

    /** Classpath location of the JSON Schema. */
    public static String schemaResource(Class<? extends ContractEvent> type) {
        return resourceBase(type) + ".schema.json";
    }

    /** Classpath location of the golden sample. */
    public static String sampleResource(Class<? extends ContractEvent> type) {
        return resourceBase(type) + ".sample.json";
    }

    private static String resourceBase(Class<? extends ContractEvent> type) {
        return "/contracts/" + context(type) + "/" + type.getSimpleName() + ".v" + ContractEvent.revisionOf(type);
    }
}
