package org.lamindb.bionty;

/**
 * One ranked search result.
 *
 * @param index position of the matching entry in the searched collection
 * @param name the entry's name
 * @param ontologyId the entry's ontology id, or null
 * @param rank the score; higher is better (exact name or synonym match = 200 or more)
 */
public record SearchHit(int index, String name, String ontologyId, int rank) {}
