package org.lamindb.bionty.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;

/**
 * Streaming parser for OBO 1.2/1.4 flat files: each {@code [Term]} stanza is handed to a consumer
 * as soon as it ends, so memory stays flat whatever the ontology size. {@code [Typedef]} and {@code
 * [Instance]} stanzas are skipped; any other stanza, a term without {@code id}, a malformed line,
 * an unterminated quoted string or a file that stops in the middle of a line fail with a {@link
 * org.lamindb.ValidationException} naming the file and line.
 *
 * <p>Terms are delivered as the file states them (obsolete ones included, all id prefixes);
 * bionty's filtering is applied by {@link TermFilter}.
 */
public final class OboParser {
  private static final Set<String> SKIPPED_STANZAS = Set.of("Typedef", "Instance");

  private final Set<String> parentRelations;

  /**
   * @param parentRelations relationship types whose targets count as parents besides {@code is_a},
   *     e.g. {@code part_of} for Tissue and DevelopmentalStage
   */
  public OboParser(Set<String> parentRelations) {
    this.parentRelations = Set.copyOf(parentRelations);
  }

  /** The header facts of an OBO file and how many terms it had. */
  public record Header(String formatVersion, String dataVersion, String ontology, long terms) {}

  /**
   * Parses {@code file} (plain or {@code .gz}) and hands every term with an id and a name to {@code
   * sink}.
   *
   * @return the header facts and the number of terms handed over
   */
  public Header parse(Path file, Consumer<OntologyTerm> sink) {
    try (InputStream in = SourceFiles.open(file)) {
      return parse(in, file, sink);
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    }
  }

  /**
   * Parses an OBO stream; {@code name} is used in error messages only.
   *
   * @return the header facts and the number of terms handed over
   */
  public Header parse(InputStream in, Path name, Consumer<OntologyTerm> sink) throws IOException {
    LineReader reader = new LineReader(in);
    String formatVersion = null;
    String dataVersion = null;
    String ontology = null;
    long terms = 0;
    String stanza = null; // null = header
    TermBuilder term = null;
    String line;
    while ((line = reader.readLine()) != null) {
      long no = reader.lineNumber();
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("!")) {
        continue;
      }
      if (trimmed.startsWith("[")) {
        if (!trimmed.endsWith("]")) {
          throw SourceFiles.error(
              name,
              no,
              "malformed stanza header '" + trimmed + "'",
              reader.lastLineTerminated() ? "expected e.g. [Term]" : "the file looks truncated");
        }
        terms += emit(term, name, sink);
        stanza = trimmed.substring(1, trimmed.length() - 1).strip();
        if (stanza.equals("Term")) {
          term = new TermBuilder(no);
        } else if (SKIPPED_STANZAS.contains(stanza)) {
          term = null;
        } else {
          throw SourceFiles.error(
              name,
              no,
              "unknown stanza [" + stanza + "]",
              "OBO files may only contain [Term], [Typedef] and [Instance] stanzas");
        }
        continue;
      }
      if (!reader.lastLineTerminated()) {
        throw SourceFiles.error(
            name,
            no,
            "the file ends in the middle of a line",
            "the file looks truncated; download it again");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw SourceFiles.error(
            name, no, "malformed line '" + abbreviate(trimmed) + "'", "expected 'tag: value'");
      }
      String tag = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (stanza == null) {
        switch (tag) {
          case "format-version" -> formatVersion = value;
          case "data-version" -> dataVersion = value;
          case "ontology" -> ontology = value;
          default -> {}
        }
      } else if (term != null) {
        term.tag(tag, value, name, no);
      }
    }
    terms += emit(term, name, sink);
    return new Header(formatVersion, dataVersion, ontology, terms);
  }

  private static int emit(TermBuilder term, Path name, Consumer<OntologyTerm> sink) {
    if (term == null) {
      return 0;
    }
    if (term.id == null) {
      throw SourceFiles.error(
          name, term.startLine, "[Term] stanza without id", "every term needs an 'id:' line");
    }
    if (term.name == null) {
      return 0; // bionty keeps only terms with both id and name
    }
    sink.accept(term.build());
    return 1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Collects the tags of one [Term] stanza. */
  private final class TermBuilder {
    final long startLine;
    String id;
    String name;
    String description;
    final List<Synonym> synonyms = new ArrayList<>();
    final Set<String> parents = new LinkedHashSet<>();
    boolean obsolete;

    TermBuilder(long startLine) {
      this.startLine = startLine;
    }

    void tag(String tag, String value, Path file, long no) {
      switch (tag) {
        case "id" -> {
          if (id == null) {
            id = OntologyIds.normalize(firstToken(value));
          }
        }
        case "name" -> name = OboText.unescape(value);
        case "def" -> description = OboText.quoted(value, file, no).text();
        case "synonym" -> {
          OboText.Quoted q = OboText.quoted(value, file, no);
          String scopeToken = firstToken(q.rest());
          Synonym.Scope scope = scopeToken.isEmpty() ? null : Synonym.Scope.parse(scopeToken);
          synonyms.add(new Synonym(q.text(), scope == null ? Synonym.Scope.RELATED : scope));
        }
        case "exact_synonym" -> synonyms.add(scoped(value, Synonym.Scope.EXACT, file, no));
        case "narrow_synonym" -> synonyms.add(scoped(value, Synonym.Scope.NARROW, file, no));
        case "broad_synonym" -> synonyms.add(scoped(value, Synonym.Scope.BROAD, file, no));
        case "related_synonym" -> synonyms.add(scoped(value, Synonym.Scope.RELATED, file, no));
        case "is_a" -> parents.add(OntologyIds.normalize(firstToken(value)));
        case "relationship" -> {
          String[] parts = value.split("\\s+", 3);
          if (parts.length < 2) {
            throw SourceFiles.error(
                file,
                no,
                "malformed relationship '" + value + "'",
                "expected 'relationship: <type> <id>'");
          }
          if (parentRelations.contains(parts[0])) {
            parents.add(OntologyIds.normalize(parts[1]));
          }
        }
        case "is_obsolete" -> obsolete = value.startsWith("true");
        default -> {}
      }
    }

    private Synonym scoped(String value, Synonym.Scope scope, Path file, long no) {
      return new Synonym(OboText.quoted(value, file, no).text(), scope);
    }

    OntologyTerm build() {
      return new OntologyTerm(id, name, description, synonyms, new ArrayList<>(parents), obsolete);
    }
  }

  private static String firstToken(String value) {
    int end = 0;
    while (end < value.length()
        && !Character.isWhitespace(value.charAt(end))
        && value.charAt(end) != '{'
        && value.charAt(end) != '!') {
      end++;
    }
    return value.substring(0, end);
  }
}
