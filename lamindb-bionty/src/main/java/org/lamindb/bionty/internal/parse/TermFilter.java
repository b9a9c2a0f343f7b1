package org.lamindb.bionty.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lamindb.bionty.OntologyTerm;

/**
 * Applies bionty's import rules to a stream of parsed terms before handing them on: terms flagged
 * obsolete (deprecated) are dropped, whatever their label says (a label starting with "obsolete"
 * alone does not drop a term), only ids with one of the source's prefixes are kept (e.g. {@code
 * CL:} for cl), and parents are restricted to the same prefixes.
 */
public final class TermFilter implements Consumer<OntologyTerm> {
  private final List<String> prefixes;
  private final Consumer<OntologyTerm> downstream;
  private long accepted;
  private long obsolete;
  private long otherPrefix;

  /**
   * @param prefixes id prefixes to keep including the colon, e.g. {@code CL:}; empty keeps every
   *     prefix
   * @param downstream receives the kept terms
   */
  public TermFilter(Set<String> prefixes, Consumer<OntologyTerm> downstream) {
    this.prefixes = List.copyOf(prefixes);
    this.downstream = downstream;
  }

  @Override
  public void accept(OntologyTerm term) {
    if (term.obsolete()) {
      obsolete++;
      return;
    }
    if (!hasPrefix(term.ontologyId())) {
      otherPrefix++;
      return;
    }
    OntologyTerm kept = term;
    if (!prefixes.isEmpty()) {
      List<String> parents = new ArrayList<>(term.parents().size());
      for (String p : term.parents()) {
        if (hasPrefix(p)) {
          parents.add(p);
        }
      }
      if (parents.size() != term.parents().size()) {
        kept = term.withParents(parents);
      }
    }
    accepted++;
    downstream.accept(kept);
  }

  private boolean hasPrefix(String id) {
    if (prefixes.isEmpty()) {
      return true;
    }
    for (String p : prefixes) {
      if (id.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return number of terms handed on
   */
  public long accepted() {
    return accepted;
  }

  /**
   * @return number of obsolete terms dropped
   */
  public long droppedObsolete() {
    return obsolete;
  }

  /**
   * @return number of terms dropped because their id has another prefix
   */
  public long droppedOtherPrefix() {
    return otherPrefix;
  }
}
