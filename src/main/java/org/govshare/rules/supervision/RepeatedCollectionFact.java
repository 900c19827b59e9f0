package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A resource published on a day although the catalog rules flagged its items as already collected by another
 * department (Art. 9, 33 ii): the authority's reviewer saw the flag and published it anyway.
 *
 * @param resourceCode catalog code of the resource published
 * @param department the department that publishes it (and so collects the data again)
 * @param publishedOn the day the flagged version was published, in Beijing time
 * @param flag the flag's sentence, naming the other department's resource
 * @param evidence the catalog submission ({@code submission:<id>}) and the version ({@code version:<n>})
 */
public record RepeatedCollectionFact(String resourceCode, String department, LocalDate publishedOn, String flag,
                                     List<String> evidence) {

    public RepeatedCollectionFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
