package org.lamindb.bionty;

/**
 * What an import of a source into a registry did.
 *
 * @param registry the registry, e.g. {@code bionty.CellType}
 * @param source the source name and version, e.g. {@code cl 2022-08-16}
 * @param inserted new records
 * @param updated existing records (same ontology id) updated in place, keeping their ids and links
 * @param parentLinks parent/child links written for the imported records
 * @param skippedObsolete obsolete terms not imported
 * @param millis wall time of parsing and writing, in milliseconds
 */
public record ImportReport(
    String registry,
    String source,
    long inserted,
    long updated,
    long parentLinks,
    long skippedObsolete,
    long millis) {

  /**
   * @return LaminDB's log lines for the import
   */
  @Override
  public String toString() {
    return "importing "
        + registry
        + " records from "
        + source
        + ": added "
        + inserted
        + " new records, updated "
        + updated
        + ", added "
        + parentLinks
        + " parents/children links ("
        + millis
        + " ms)";
  }
}
