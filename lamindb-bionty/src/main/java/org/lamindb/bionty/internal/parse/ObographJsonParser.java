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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;

/**
 * Streaming parser (Jackson tokens, no tree) for OBO Graph JSON, the {@code .json} files the OBO
 * Foundry publishes next to {@code .owl} and {@code .obo}: {@code {"graphs": [{"id", "meta":
 * {"version"}, "nodes": [...], "edges": [...]}]}}.
 *
 * <p>Nodes of type {@code CLASS} with a {@code lbl} become terms: id from the node IRI (normalised,
 * e.g. {@code http://purl.obolibrary.org/obo/CL_0000084} to {@code CL:0000084}), {@code
 * meta.definition.val}, {@code meta.synonyms} with their scope ({@code hasExactSynonym}, ...),
 * {@code meta.deprecated}. Parents come from edges with {@code pred} {@code is_a}, plus {@code
 * part_of} ({@code BFO_0000050}) edges when asked for. As edges follow the nodes, the terms are
 * held (without parents) until the end of the file and handed over once, in file order.
 *
 * <p>A node without id, an edge without sub/pred/obj, values of the wrong type, syntax errors or a
 * truncated file fail with a {@link org.lamindb.ValidationException} naming file, line and column.
 */
public final class ObographJsonParser {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The rdfs:subClassOf IRI some writers use instead of {@code is_a}. */
  private static final String RDFS_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf";

  private static final String HINT =
      "the file may be truncated or not an OBO Graph JSON file ({\"graphs\": [...]})";

  private final boolean partOf;

  /**
   * @param partOfAsParent whether {@code part_of} edges count as parents (Tissue,
   *     DevelopmentalStage)
   */
  public ObographJsonParser(boolean partOfAsParent) {
    this.partOf = partOfAsParent;
  }

  /**
   * The header of the first graph.
   *
   * @param graphId the graph id, e.g. {@code http://purl.obolibrary.org/obo/cl.owl}, or null
   * @param version {@code meta.version} (the version IRI), else {@code owl:versionInfo}, or null
   */
  public record Header(String graphId, String version) {

    /**
     * @return the source short name told by the graph id ({@code .../obo/cl.owl} gives {@code cl}),
     *     or null
     */
    public String sourceName() {
      return OwlParser.sourceNameOf(graphId);
    }
  }

  /**
   * What {@link #parse} read.
   *
   * @param header the header of the first graph
   * @param terms number of terms handed over
   */
  public record Result(Header header, long terms) {}

  /** One class node while the edges are not read yet. */
  private static final class Held {
    final String id;
    final String name;
    final String description;
    final List<Synonym> synonyms;
    final boolean deprecated;
    Set<String> parents;

    Held(String id, String name, String description, List<Synonym> synonyms, boolean deprecated) {
      this.id = id;
      this.name = name;
      this.description = description;
      this.synonyms = synonyms;
      this.deprecated = deprecated;
    }
  }

  /** Mutable state of one parse. */
  private final class Run {
    final Path file;
    final JsonParser p;
    final Map<String, Held> byIri = new LinkedHashMap<>();
    final Map<String, String> idOfIri = new HashMap<>();

    /** Parent edges (sub IRI, obj IRI) seen before their subject node. */
    final List<String[]> early = new ArrayList<>();

    String graphId;
    String version;
    boolean first = true;

    Run(Path file, JsonParser p) {
      this.file = file;
      this.p = p;
    }
  }

  /**
   * Reads only the header of the first graph (id and version); the nodes and edges are skipped
   * token by token.
   */
  public static Header peek(Path file) {
    try (InputStream in = SourceFiles.open(file);
        JsonParser p = FACTORY.createParser(in)) {
      ObographJsonParser reader = new ObographJsonParser(false);
      Run run = reader.new Run(file, p);
      reader.readDocument(run, true);
      return new Header(run.graphId, run.version);
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    }
  }

  /**
   * Parses {@code file} (plain or {@code .gz}) and hands every labelled class to the sink that
   * {@code sinkFor} returns for the file's header.
   *
   * @param sinkFor called once, after the whole file is read and before the first term
   * @return the header and the number of terms handed over
   */
  public Result parse(Path file, Function<Header, Consumer<OntologyTerm>> sinkFor) {
    Run run;
    try (InputStream in = SourceFiles.open(file);
        JsonParser p = FACTORY.createParser(in)) {
      run = new Run(file, p);
      readDocument(run, false);
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    }
    for (String[] e : run.early) {
      addParent(run, e[0], e[1]);
    }
    run.early.clear();
    Header header = new Header(run.graphId, run.version);
    Consumer<OntologyTerm> sink = sinkFor.apply(header);
    long n = 0;
    for (Held h : run.byIri.values()) {
      List<String> parents = new ArrayList<>(h.parents == null ? 0 : h.parents.size());
      if (h.parents != null) {
        for (String iri : h.parents) {
          String id = run.idOfIri.get(iri);
          parents.add(id != null ? id : OntologyIds.normalize(iri));
        }
      }
      sink.accept(new OntologyTerm(h.id, h.name, h.description, h.synonyms, parents, h.deprecated));
      n++;
    }
    return new Result(header, n);
  }

  private void readDocument(Run r, boolean headerOnly) throws IOException {
    JsonParser p = r.p;
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw typeError(r, "the top level must be an object with a 'graphs' array");
    }
    boolean sawGraphs = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("graphs")) {
        if (v != JsonToken.START_ARRAY) {
          throw typeError(r, "'graphs' must be an array");
        }
        sawGraphs = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw typeError(r, "each graph must be an object");
          }
          readGraph(r, headerOnly && r.first);
          r.first = false;
          if (headerOnly) {
            return;
          }
        }
      } else {
        p.skipChildren();
      }
    }
    if (!sawGraphs) {
      throw typeError(r, "no 'graphs' array");
    }
    if (p.nextToken() != null) {
      throw typeError(r, "content after the top-level object");
    }
  }

  private void readGraph(Run r, boolean headerOnly) throws IOException {
    JsonParser p = r.p;
    boolean first = r.first;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "id" -> {
          String id = string(r, "graph 'id'");
          if (first) {
            r.graphId = id;
          }
        }
        case "meta" -> {
          expectObject(r, v, "graph 'meta'");
          String version = readGraphMeta(r);
          if (first) {
            r.version = version;
          }
        }
        case "nodes" -> {
          if (v != JsonToken.START_ARRAY) {
            throw typeError(r, "'nodes' must be an array");
          }
          if (headerOnly) {
            p.skipChildren();
          } else {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              expectObject(r, p.currentToken(), "a node");
              readNode(r);
            }
          }
        }
        case "edges" -> {
          if (v != JsonToken.START_ARRAY) {
            throw typeError(r, "'edges' must be an array");
          }
          if (headerOnly) {
            p.skipChildren();
          } else {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              expectObject(r, p.currentToken(), "an edge");
              readEdge(r);
            }
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  /** Reads a graph's meta object; returns its version. */
  private String readGraphMeta(Run r) throws IOException {
    JsonParser p = r.p;
    String version = null;
    String versionInfo = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("version")) {
        version = string(r, "graph 'meta.version'");
      } else if (key.equals("basicPropertyValues") && v == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Map<String, String> pv = flatStrings(r);
          if (pv.getOrDefault("pred", "").endsWith("versionInfo")) {
            versionInfo = pv.get("val");
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return version != null ? version : versionInfo;
  }

  private void readNode(Run r) throws IOException {
    JsonParser p = r.p;
    JsonLocation start = p.currentLocation();
    String iri = null;
    String label = null;
    String type = null;
    String definition = null;
    String oboId = null;
    boolean deprecated = false;
    List<Synonym> synonyms = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "id" -> iri = string(r, "node 'id'");
        case "lbl" -> label = string(r, "node 'lbl'");
        case "type" -> type = string(r, "node 'type'");
        case "meta" -> {
          expectObject(r, v, "node 'meta'");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String mk = p.currentName();
            JsonToken mv = p.nextToken();
            switch (mk) {
              case "definition" -> {
                expectObject(r, mv, "node 'meta.definition'");
                definition = flatStrings(r).get("val");
              }
              case "deprecated" -> {
                if (!mv.isBoolean()) {
                  throw typeError(r, "node " + iri + ": 'meta.deprecated' must be true or false");
                }
                deprecated = p.getBooleanValue();
              }
              case "synonyms" -> {
                if (mv != JsonToken.START_ARRAY) {
                  throw typeError(r, "node " + iri + ": 'meta.synonyms' must be an array");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  expectObject(r, p.currentToken(), "a synonym");
                  Map<String, String> s = flatStrings(r);
                  Synonym.Scope scope = scope(s.get("pred"));
                  String text = s.get("val");
                  if (scope != null && text != null && !text.isBlank()) {
                    synonyms.add(new Synonym(text.strip(), scope));
                  }
                }
              }
              case "basicPropertyValues" -> {
                if (mv != JsonToken.START_ARRAY) {
                  throw typeError(
                      r, "node " + iri + ": 'meta.basicPropertyValues' must be an array");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  expectObject(r, p.currentToken(), "a property value");
                  Map<String, String> pv = flatStrings(r);
                  String pred = pv.getOrDefault("pred", "");
                  if (pred.endsWith("oboInOwl#id") && pv.get("val") != null) {
                    oboId = pv.get("val");
                  }
                }
              }
              default -> p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (iri == null || iri.isBlank()) {
      throw SourceFiles.error(
          r.file,
          start.getLineNr(),
          "a node without 'id' (column " + start.getColumnNr() + ")",
          "every node needs an 'id'");
    }
    if (!"CLASS".equals(type) || label == null || label.isBlank()) {
      return; // properties, individuals and unlabelled references are not terms
    }
    String id = OntologyIds.normalize(oboId != null && !oboId.isBlank() ? oboId : iri);
    r.idOfIri.put(iri, id);
    Held h = new Held(id, label.strip(), definition, synonyms, deprecated);
    r.byIri.putIfAbsent(iri, h);
  }

  private void readEdge(Run r) throws IOException {
    JsonLocation start = r.p.currentLocation();
    Map<String, String> e = flatStrings(r);
    String sub = e.get("sub");
    String pred = e.get("pred");
    String obj = e.get("obj");
    if (sub == null || pred == null || obj == null) {
      throw SourceFiles.error(
          r.file,
          start.getLineNr(),
          "an edge without 'sub', 'pred' or 'obj' (column " + start.getColumnNr() + ")",
          "every edge needs all three");
    }
    if (!isParentPredicate(pred)) {
      return;
    }
    if (!addParent(r, sub, obj)) {
      r.early.add(new String[] {sub, obj});
    }
  }

  /** Records parent IRI {@code obj} of {@code sub}; false when {@code sub} is not (yet) a term. */
  private static boolean addParent(Run r, String sub, String obj) {
    Held h = r.byIri.get(sub);
    if (h == null) {
      return false;
    }
    if (h.parents == null) {
      h.parents = new LinkedHashSet<>(2);
    }
    h.parents.add(obj);
    return true;
  }

  private boolean isParentPredicate(String pred) {
    if (pred.equals("is_a") || pred.equals(RDFS_SUBCLASS_OF)) {
      return true;
    }
    return partOf
        && (pred.equals("part_of")
            || pred.equals("BFO:0000050")
            || pred.equals("http://purl.obolibrary.org/obo/BFO_0000050"));
  }

  private static Synonym.Scope scope(String pred) {
    if (pred == null) {
      return null;
    }
    String p = pred.substring(pred.lastIndexOf('#') + 1);
    return switch (p) {
      case "hasExactSynonym" -> Synonym.Scope.EXACT;
      case "hasRelatedSynonym" -> Synonym.Scope.RELATED;
      case "hasBroadSynonym" -> Synonym.Scope.BROAD;
      case "hasNarrowSynonym" -> Synonym.Scope.NARROW;
      default -> null;
    };
  }

  /**
   * Reads the current object keeping its string-valued fields; nested values are skipped. The
   * parser must be on the object's START_OBJECT.
   */
  private static Map<String, String> flatStrings(Run r) throws IOException {
    JsonParser p = r.p;
    Map<String, String> m = new HashMap<>(4);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING) {
        m.put(k, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return m;
  }

  private static void expectObject(Run r, JsonToken actual, String what) {
    if (actual != JsonToken.START_OBJECT) {
      throw typeError(r, what + " must be an object");
    }
  }

  private static String string(Run r, String what) throws IOException {
    JsonParser p = r.p;
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw typeError(r, what + " must be a string");
    }
    return p.getText();
  }

  private static RuntimeException syntaxError(Path file, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    return SourceFiles.error(
        file,
        loc == null ? 0 : loc.getLineNr(),
        "invalid JSON" + column(loc) + ": " + e.getOriginalMessage(),
        HINT);
  }

  private static String column(JsonLocation loc) {
    return loc == null ? "" : " (column " + loc.getColumnNr() + ")";
  }

  private static RuntimeException typeError(Run r, String problem) {
    JsonLocation loc = r.p.currentLocation();
    return SourceFiles.error(r.file, loc.getLineNr(), problem + column(loc), HINT);
  }
}
