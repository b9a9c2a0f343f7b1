package org.lamindb.bionty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.internal.match.SearchRanker;
import org.lamindb.curate.InspectResult;
import org.lamindb.curate.Vocabulary;

/**
 * A public ontology held in memory, without a database: the terms of one source file after bionty's
 * import rules, with validate, inspect, standardize and search against it (LaminDB's {@code
 * PublicOntology}).
 *
 * <pre>{@code
 * PublicOntology cl = PublicOntology.load(Path.of("cl-basic.obo"), BiontyEntity.CELL_TYPE);
 * cl.validate(List.of("T cell", "t cell"), "name");      // [true, false]
 * cl.standardize(List.of("T-cell", "t cell"));            // [T cell, T cell]
 * cl.search("T cell").get(0).ontologyId();                // CL:0000084
 * }</pre>
 */
public final class PublicOntology {
  private final BiontyEntity entity;
  private final OntologyFiles.ReadSummary summary;
  private final List<OntologyTerm> terms;
  private final List<String> names;
  private final List<String> ids;
  private final List<String> synonyms;
  private Vocabulary byName;
  private Vocabulary byId;

  private PublicOntology(
      BiontyEntity entity, OntologyFiles.ReadSummary summary, List<OntologyTerm> terms) {
    this.entity = entity;
    this.summary = summary;
    this.terms = List.copyOf(terms);
    this.names = this.terms.stream().map(OntologyTerm::name).toList();
    this.ids = this.terms.stream().map(OntologyTerm::ontologyId).toList();
    List<String> syn = new ArrayList<>(terms.size());
    for (OntologyTerm t : terms) {
      syn.add(t.synonymsColumn());
    }
    this.synonyms = java.util.Collections.unmodifiableList(syn);
  }

  /**
   * Reads {@code file} with bionty's rules for {@code entity}; the source name (id prefix filter)
   * is detected from the file.
   *
   * @return the ontology
   */
  public static PublicOntology load(Path file, BiontyEntity entity) {
    return load(file, entity, null);
  }

  /**
   * @param sourceName source short name deciding the id prefix filter, e.g. {@code cl}; null to
   *     detect
   * @return the ontology read from {@code file}
   */
  public static PublicOntology load(Path file, BiontyEntity entity, String sourceName) {
    List<OntologyTerm> terms = new ArrayList<>();
    OntologyFiles.ReadSummary s = OntologyFiles.readTerms(file, entity, sourceName, terms::add);
    return new PublicOntology(entity, s, terms);
  }

  /**
   * @return the registry this ontology feeds
   */
  public BiontyEntity entity() {
    return entity;
  }

  /**
   * @return what reading the file produced (format, version, counts)
   */
  public OntologyFiles.ReadSummary summary() {
    return summary;
  }

  /**
   * @return the kept terms in file order
   */
  public List<OntologyTerm> terms() {
    return terms;
  }

  /**
   * @return number of kept terms
   */
  public int size() {
    return terms.size();
  }

  /**
   * @return one boolean per value: exact, case-sensitive match on {@code field} ({@code
   *     name}/{@code ontology_id})
   */
  public boolean[] validate(List<String> values, String field) {
    return vocabulary(field).validate(values);
  }

  /**
   * @return the inspect result on {@code field}; synonym hints apply to {@code name} only
   */
  public InspectResult inspect(List<String> values, String field) {
    return vocabulary(field).inspect(values, field, isName(field));
  }

  /**
   * @return values mapped to term names (case-insensitive, synonyms); unmapped values unchanged
   */
  public List<String> standardize(List<String> values) {
    return vocabulary("name").standardize(values, false, Vocabulary.Keep.FIRST, null);
  }

  /**
   * @return only the values that standardization changes, mapped to their term names
   */
  public Map<String, String> standardizeMapper(List<String> values) {
    return vocabulary("name").standardizeMapper(values, false, Vocabulary.Keep.FIRST, null);
  }

  /**
   * @return values mapped to ontology ids via names and synonyms; unmapped values unchanged
   */
  public List<String> toOntologyIds(List<String> values) {
    return vocabulary("name").standardize(values, false, Vocabulary.Keep.FIRST, ids);
  }

  /**
   * @return up to 20 terms ranked for {@code query} over name, synonyms and ontology id
   */
  public List<SearchHit> search(String query) {
    return search(query, 20);
  }

  /**
   * @return up to {@code limit} ranked terms (all for a non-positive limit)
   */
  public List<SearchHit> search(String query, int limit) {
    return SearchRanker.search(query, names, synonyms, ids, limit, false);
  }

  private boolean isName(String field) {
    return field == null || field.equals("name");
  }

  private Vocabulary vocabulary(String field) {
    if (isName(field)) {
      if (byName == null) {
        byName = Vocabulary.of(names, synonyms);
      }
      return byName;
    }
    if (field.equals("ontology_id")) {
      if (byId == null) {
        byId = Vocabulary.of(ids, null);
      }
      return byId;
    }
    throw new InvalidArgumentException(
        "unknown field '" + field + "' of a public ontology; valid fields: name, ontology_id");
  }

  @Override
  public String toString() {
    return "PublicOntology\nEntity: "
        + entity.className()
        + "\nSource: "
        + summary.sourceName()
        + ", "
        + summary.version()
        + "\n#terms: "
        + terms.size();
  }
}
