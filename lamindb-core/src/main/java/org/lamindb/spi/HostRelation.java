package org.lamindb.spi;

/**
 * A relation a module adds to a registry of another module, e.g. bionty's {@code diseases} on
 * core's {@code Artifact} (through {@code bionty_artifactdisease}). Contributed with {@link
 * LaminModule#hostRelations()}; the query engine, includes and label managers then see it like the
 * host's own relations.
 *
 * @param host registry name that gains the relation, e.g. {@code Artifact}
 * @param relation the relation as seen from the host
 */
public record HostRelation(String host, RelationDef relation) {}
