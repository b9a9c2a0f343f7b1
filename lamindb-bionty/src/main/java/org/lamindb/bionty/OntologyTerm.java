package org.lamindb.bionty;

import java.util.List;
import java.util.Objects;

/**
 * One term of a public ontology as a source file states it, before it becomes a registry record.
 *
 * <pre>{@code
 * OntologyTerm t = new OntologyTerm("CL:0000084", "T cell", "A type of lymphocyte ...",
 *     List.of(Synonym.exact("T-cell")), List.of("CL:0000542"), false);
 * }</pre>
 *
 * @param ontologyId normalised id, e.g. {@code CL:0000084}
 * @param name the term label
 * @param description the definition, or null
 * @param synonyms all synonyms with their scopes, in file order
 * @param parents direct parents (is_a, plus part_of where the source uses it), in file order
 * @param obsolete true when the source marks the term obsolete/deprecated
 */
public record OntologyTerm(
    String ontologyId,
    String name,
    String description,
    List<Synonym> synonyms,
    List<String> parents,
    boolean obsolete) {

  /** Copies the lists so that a term never changes after creation. */
  public OntologyTerm {
    Objects.requireNonNull(ontologyId, "ontologyId");
    synonyms = List.copyOf(synonyms);
    parents = List.copyOf(parents);
  }

  /**
   * @return the EXACT synonyms, without the term's own name, in file order and without duplicates
   */
  public List<String> exactSynonyms() {
    return synonyms.stream()
        .filter(s -> s.scope() == Synonym.Scope.EXACT)
        .map(Synonym::text)
        .filter(s -> !s.equals(name))
        .distinct()
        .toList();
  }

  /**
   * @return the EXACT synonyms joined with {@code |} as stored in the {@code synonyms} column, or
   *     null
   */
  public String synonymsColumn() {
    List<String> exact = exactSynonyms();
    return exact.isEmpty() ? null : String.join("|", exact);
  }

  /**
   * @return the CURIE prefix of the id, e.g. {@code CL} (the whole id when it has no colon)
   */
  public String prefix() {
    int colon = ontologyId.indexOf(':');
    return colon < 0 ? ontologyId : ontologyId.substring(0, colon);
  }

  /**
   * @return a copy with other parents
   */
  public OntologyTerm withParents(List<String> newParents) {
    return new OntologyTerm(ontologyId, name, description, synonyms, newParents, obsolete);
  }
}
