package org.lamindb.bionty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.lamindb.InvalidArgumentException;
import org.lamindb.curate.InspectResult;

/**
 * How a registry's values relate to a {@link PublicOntology}: LaminDB's inspect hints for values
 * the registry lacks, and the terms to write when records from the source are saved with their
 * ancestors.
 */
final class PublicSourceMatch {
  private PublicSourceMatch() {}

  /**
   * @return the inspect result of an empty registry: nothing validated, a hint to import a source
   */
  static InspectResult emptyRegistry(String model, List<String> values) {
    List<String> msg =
        List.of(
            "! Your "
                + model
                + " registry is empty, consider "
                + "populating it first!\n   → use `.import_source()` to import records from a source, "
                + "e.g. a public ontology");
    List<String> distinct = distinct(values);
    return new InspectResult(List.of(), distinct, Map.of(), 0, distinct.size(), msg);
  }

  /**
   * @param rest values the registry neither validates nor maps through synonyms
   * @param field the inspected field (named in the messages)
   * @param publicField {@code name} or {@code ontology_id}: the source field compared
   * @param model the registry's class name, e.g. {@code CellType}
   * @return LaminDB's hint lines: found in the source, found as synonyms, not found
   */
  static List<String> hints(
      List<String> rest, String field, String publicField, PublicOntology src, String model) {
    boolean[] inPublic = src.validate(rest, publicField);
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      (inPublic[i] ? found : missing).add(rest.get(i));
    }
    Map<String, String> mapped =
        publicField.equals("name") ? src.standardizeMapper(missing) : Map.of();
    missing.removeAll(mapped.keySet());
    List<String> messages = new ArrayList<>();
    if (!found.isEmpty()) {
      messages.add(
          "   detected "
              + found.size()
              + " "
              + model
              + " term(s) in public source for "
              + field
              + ": "
              + String.join(", ", found));
    }
    if (!mapped.isEmpty()) {
      messages.add(
          "   detected "
              + mapped.size()
              + " "
              + model
              + " term(s) in public source as synonym(s): "
              + String.join(", ", mapped.keySet()));
    }
    if (!found.isEmpty() || !mapped.isEmpty()) {
      messages.add(
          "→  add records from public source to your " + model + " registry via .from_values()");
    }
    if (!missing.isEmpty()) {
      messages.add(
          "   couldn't validate " + missing.size() + " term(s): " + String.join(", ", missing));
      messages.add(
          "→  if you are sure, create new record(s) via " + model + "() and save to your registry");
    }
    return messages;
  }

  /**
   * @param records the records to save (named in the error)
   * @param wanted their ontology ids (null when a record has none), same order
   * @param inRegistry whether an ontology id is already in the registry
   * @return the wanted terms and every ancestor of them in {@code src} not yet in the registry,
   *     wanted terms first in closure order
   * @throws InvalidArgumentException when a record is not a term of {@code src}
   */
  static List<OntologyTerm> withAncestors(
      List<?> records, List<String> wanted, PublicOntology src, Predicate<String> inRegistry) {
    Map<String, OntologyTerm> byId = new HashMap<>();
    for (OntologyTerm t : src.terms()) {
      byId.putIfAbsent(t.ontologyId(), t);
    }
    ArrayDeque<String> todo = new ArrayDeque<>();
    for (int i = 0; i < wanted.size(); i++) {
      String oid = wanted.get(i);
      if (oid == null || !byId.containsKey(oid)) {
        throw new InvalidArgumentException(
            records.get(i)
                + " is not a term of "
                + src.summary().sourceName()
                + "; save it with save()");
      }
      todo.add(oid);
    }
    Map<String, OntologyTerm> closure = new LinkedHashMap<>();
    while (!todo.isEmpty()) {
      OntologyTerm t = byId.get(todo.poll());
      if (t != null && closure.putIfAbsent(t.ontologyId(), t) == null) {
        todo.addAll(t.parents());
      }
    }
    List<OntologyTerm> toWrite = new ArrayList<>();
    for (OntologyTerm t : closure.values()) {
      if (wanted.contains(t.ontologyId()) || !inRegistry.test(t.ontologyId())) {
        toWrite.add(t);
      }
    }
    return toWrite;
  }

  private static List<String> distinct(List<String> values) {
    Set<String> s = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        s.add(v);
      }
    }
    return new ArrayList<>(s);
  }
}
