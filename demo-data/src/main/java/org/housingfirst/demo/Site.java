package org.housingfirst.demo;

import java.util.List;

/**
 * A municipality running a programme.
 *
 * @param retainedAt12Months the share still housed a year after moving in, which the generator aims at
 */
record Site(String country, String municipality, String name, String organisation, double retainedAt12Months) {

    static final List<Site> ALL = List.of(
            new Site("SE", "0180", "Stockholm", "stockholm-bostad-forst", 0.84),
            new Site("SE", "1280", "Malmö", "malmo-bostad-forst", 0.78),
            new Site("SE", "1480", "Göteborg", "goteborg-bostad-forst", 0.82),
            new Site("SE", "0380", "Uppsala", "uppsala-bostad-forst", 0.74),
            new Site("SE", "1283", "Helsingborg", "helsingborg-bostad-forst", 0.80),
            new Site("NO", "0301", "Oslo", "oslo-housing-first", 0.81),
            new Site("NO", "4601", "Bergen", "bergen-housing-first", 0.77),
            new Site("NO", "5001", "Trondheim", "trondheim-housing-first", 0.85));

    String codeListVersion() {
        return country.equals("SE") ? "SCB-2025" : "SSB-KLASS-131-2024";
    }

    String programme() {
        return organisation;
    }
}
