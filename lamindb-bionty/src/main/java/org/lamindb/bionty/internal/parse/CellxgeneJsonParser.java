package org.lamindb.bionty.internal.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;

/**
 * Streaming parser (Jackson tokens, no tree) for the cellxgene ontology JSON: one object keyed by
 * term id, each value holding {@code label}, {@code description}, {@code synonyms} (EXACT), {@code
 * ancestors} (id to distance; 1 = direct parent, part_of included) and {@code deprecated}. Unknown
 * keys are skipped. Syntax errors, a truncated file or a value of the wrong type fail with a {@link
 * org.lamindb.ValidationException} naming file, line and column.
 */
public final class CellxgeneJsonParser {
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Parses {@code file} (plain or {@code .gz}) and hands every term with a label to {@code sink}.
   *
   * @return the number of terms handed over
   */
  public long parse(Path file, Consumer<OntologyTerm> sink) {
    try (InputStream in = SourceFiles.open(file);
        JsonParser p = FACTORY.createParser(in)) {
      return parse(p, file, sink);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw SourceFiles.error(
          file,
          loc == null ? 0 : loc.getLineNr(),
          "invalid JSON" + column(loc) + ": " + e.getOriginalMessage(),
          "the file may be truncated or not a cellxgene ontology JSON file");
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    }
  }

  private static String column(JsonLocation loc) {
    return loc == null ? "" : " (column " + loc.getColumnNr() + ")";
  }

  private long parse(JsonParser p, Path file, Consumer<OntologyTerm> sink) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw typeError(p, file, "the top level must be an object keyed by term id");
    }
    long n = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String id = p.currentName();
      if (id.isBlank()) {
        throw typeError(p, file, "a term has an empty id");
      }
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw typeError(p, file, "term " + id + " must be an object");
      }
      OntologyTerm term = readTerm(p, file, OntologyIds.normalize(id));
      if (term != null) {
        sink.accept(term);
        n++;
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw typeError(p, file, "unexpected " + t);
    }
    if (p.nextToken() != null) {
      throw typeError(p, file, "content after the top-level object");
    }
    return n;
  }

  private OntologyTerm readTerm(JsonParser p, Path file, String id) throws IOException {
    String label = null;
    String description = null;
    List<Synonym> synonyms = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    boolean deprecated = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "label" -> label = string(p, file, id, key);
        case "description" -> description = string(p, file, id, key);
        case "deprecated" -> {
          if (!v.isBoolean()) {
            throw typeError(p, file, "term " + id + ": 'deprecated' must be true or false");
          }
          deprecated = p.getBooleanValue();
        }
        case "synonyms" -> {
          expect(p, v, JsonToken.START_ARRAY, file, id, key);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            synonyms.add(Synonym.exact(string(p, file, id, key)));
          }
        }
        case "ancestors" -> {
          expect(p, v, JsonToken.START_OBJECT, file, id, key);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String ancestor = p.currentName();
            if (!p.nextToken().isNumeric()) {
              throw typeError(p, file, "term " + id + ": ancestor distances must be numbers");
            }
            if (p.getIntValue() == 1) {
              parents.add(OntologyIds.normalize(ancestor));
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (label == null) {
      return null; // bionty keeps only terms with both id and name
    }
    return new OntologyTerm(id, label, description, synonyms, parents, deprecated);
  }

  private static void expect(
      JsonParser p, JsonToken actual, JsonToken wanted, Path file, String id, String key) {
    if (actual != wanted) {
      throw typeError(
          p,
          file,
          "term "
              + id
              + ": '"
              + key
              + "' must be "
              + (wanted == JsonToken.START_ARRAY ? "an array" : "an object"));
    }
  }

  private static String string(JsonParser p, Path file, String id, String key) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw typeError(p, file, "term " + id + ": '" + key + "' must be a string");
    }
    return p.getText();
  }

  private static RuntimeException typeError(JsonParser p, Path file, String problem) {
    JsonLocation loc = p.currentLocation();
    return SourceFiles.error(file, loc.getLineNr(), problem + column(loc), null);
  }
}
