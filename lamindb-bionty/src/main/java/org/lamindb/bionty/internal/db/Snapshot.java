package org.lamindb.bionty.internal.db;

import java.util.List;
import org.lamindb.bionty.internal.match.SearchRanker;
import org.lamindb.curate.Vocabulary;

/**
 * The values of one field of a registry (optionally one organism's records) held in memory for
 * matching, with the row id, name, synonyms and ontology id of every record in id order.
 *
 * @param ids row ids
 * @param values the matched field's value per record
 * @param names the name field's value per record
 * @param synonyms pipe-separated synonyms per record (null entries allowed)
 * @param ontologyIds the ontology id field's value per record (null list when the registry has
 *     none)
 * @param vocabulary matcher over {@code values} (with synonyms when the field is the name field)
 * @param lowered lower-cased names, synonyms and ontology ids for search (name-field snapshots
 *     only)
 */
public record Snapshot(
    List<Long> ids,
    List<String> values,
    List<String> names,
    List<String> synonyms,
    List<String> ontologyIds,
    Vocabulary vocabulary,
    SearchRanker.Lowered lowered) {}
