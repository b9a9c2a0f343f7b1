package org.lamindb.bionty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.internal.parse.CellxgeneJsonParser;
import org.lamindb.bionty.internal.parse.OboParser;
import org.lamindb.bionty.internal.parse.ObographJsonParser;
import org.lamindb.bionty.internal.parse.OwlParser;
import org.lamindb.bionty.internal.parse.ParquetSourceReader;
import org.lamindb.bionty.internal.parse.SourceFiles;
import org.lamindb.bionty.internal.parse.TermFilter;

/**
 * Reads an ontology source file of any supported format, applies bionty's import rules (no obsolete
 * terms, only the source's own id prefix, parents within that prefix) and streams the kept terms to
 * a consumer.
 *
 * <p>Supported formats (each also gzipped, {@code .gz}), see {@link Format}:
 *
 * <ul>
 *   <li>OBO 1.2/1.4 flat files ({@code .obo});
 *   <li>OWL in RDF/XML or OWL/XML ({@code .owl}, {@code .rdf}, {@code .xml}), read with OWL API 5;
 *   <li>OBO Graph JSON ({@code .json} starting with {@code {"graphs": ...}}), as the OBO Foundry
 *       publishes next to {@code .owl};
 *   <li>cellxgene ontology JSON (any other {@code .json}: one object keyed by term id);
 *   <li>bionty-style parquet tables ({@code .parquet}).
 * </ul>
 *
 * <p>Source name and version come from the file header where the format has one (OBO {@code
 * ontology:}/{@code data-version:}, OWL ontology IRI and {@code owl:versionIRI}, OBO Graph {@code
 * id}/{@code meta.version}) only where it names an ontology bionty knows, and from structured file
 * names (cellxgene {@code CL-ontology-v2025-04-10.json}, {@code CVCL-ontology-53.0.json}; bionty
 * {@code df_<organism>__<source>__<version>__<Entity>.parquet}); never from a free-form file name.
 * A merged release ({@code ontology: life-stages}) gets the registry's default source.
 *
 * <pre>{@code
 * OntologyFiles.ReadSummary s = OntologyFiles.readTerms(Path.of("cl-basic.obo"), BiontyEntity.CELL_TYPE, null,
 *     term -> System.out.println(term.ontologyId() + " " + term.name()));
 * s.kept();      // 2523
 * s.version();   // 2022-08-16
 * }</pre>
 */
public final class OntologyFiles {
  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern RELEASE = Pattern.compile("releases/([^/]+)/");
  private static final Pattern JSON_NAME =
      Pattern.compile("^([A-Za-z]+)-ontology-v?(\\d.*)\\.json$");
  private static final Pattern PARQUET_NAME =
      Pattern.compile("^df_([^_]+)__([^_]+)__(.+)__([A-Za-z]+)\\.parquet$");

  private static final com.fasterxml.jackson.core.JsonFactory JSON =
      new com.fasterxml.jackson.core.JsonFactory();

  private OntologyFiles() {}

  /** File formats of ontology sources. */
  public enum Format {
    /** OBO 1.2/1.4 flat file ({@code .obo}, {@code .obo.gz}). */
    OBO,
    /**
     * cellxgene ontology JSON ({@code .json}, {@code .json.gz}): one object keyed by term id, each
     * with label, description, synonyms, ancestors and deprecated.
     */
    CELLXGENE_JSON,
    /**
     * OBO Graph JSON ({@code .json}, {@code .json.gz}) as written by obographs/ROBOT and published
     * by the OBO Foundry: {@code {"graphs": [{"id", "meta", "nodes", "edges"}]}}; told from
     * cellxgene JSON by its first key, {@code graphs}.
     */
    OBO_GRAPH_JSON,
    /** bionty-style parquet table ({@code .parquet}). */
    PARQUET,
    /**
     * OWL in RDF/XML (as the OBO Foundry publishes it) or OWL/XML ({@code .owl}, {@code .rdf},
     * {@code .xml}, optionally gzipped), read with OWL API 5.
     */
    OWL
  }

  /**
   * What reading a source file produced.
   *
   * @param format the detected format
   * @param sourceName the source short name given or detected from the file, e.g. {@code cl}; null
   *     if unknown
   * @param version the version detected from the file's header or name, or null
   * @param kept terms handed to the consumer
   * @param droppedObsolete obsolete terms skipped
   * @param droppedOtherPrefix terms skipped because their id has another prefix than the source's
   */
  public record ReadSummary(
      Format format,
      String sourceName,
      String version,
      long kept,
      long droppedObsolete,
      long droppedOtherPrefix) {}

  /**
   * @param file a source file
   * @return its format, from the file name; for {@code .json} files from the first key ({@code
   *     graphs} means OBO Graph JSON, anything else cellxgene JSON)
   * @throws InvalidArgumentException for unknown extensions
   */
  public static Format detect(Path file) {
    String n = SourceFiles.baseName(file);
    if (n.endsWith(".obo")) {
      return Format.OBO;
    }
    if (n.endsWith(".json")) {
      return isOboGraphJson(file) ? Format.OBO_GRAPH_JSON : Format.CELLXGENE_JSON;
    }
    if (n.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    if (n.endsWith(".owl") || n.endsWith(".rdf") || n.endsWith(".xml")) {
      return Format.OWL;
    }
    throw new InvalidArgumentException(
        "cannot tell the format of "
            + file
            + "; supported: .obo, .owl (RDF/XML or OWL/XML), .json (OBO Graph JSON or cellxgene"
            + " ontology JSON), .parquet, optionally gzipped");
  }

  /**
   * Peeks at the first key of a JSON file without reading the rest: OBO Graph JSON starts with
   * {@code "graphs"} (a JSON-LD {@code "@context"} before it is skipped).
   */
  private static boolean isOboGraphJson(Path file) {
    try (java.io.InputStream in = SourceFiles.open(file);
        com.fasterxml.jackson.core.JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (!key.startsWith("@")) {
          return key.equals("graphs");
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false; // the cellxgene parser reports the syntax error with file and line
    } catch (java.io.IOException e) {
      throw SourceFiles.ioError(file, e);
    }
  }

  /**
   * Streams the terms of {@code file} that bionty would import into {@code entity}'s registry.
   *
   * @param file the source file
   * @param entity the registry (decides which relations count as parents)
   * @param sourceName the source short name deciding the id prefix filter (e.g. {@code cl}); null
   *     to detect it from the file
   * @param sink receives the kept terms, in file order
   * @return counts and the detected version
   */
  public static ReadSummary readTerms(
      Path file, BiontyEntity entity, String sourceName, Consumer<OntologyTerm> sink) {
    Format format = detect(file);
    String given =
        sourceName != null ? sourceName.toLowerCase(Locale.ROOT) : sourceNameFromFileName(file);
    boolean partOf = entity.parentRelations().contains("part_of");
    // OWL and OBO Graph JSON tell their source in a header read before the first term
    TermFilter[] filter = new TermFilter[1];
    Function<String, Consumer<OntologyTerm>> sinkFor =
        headerName -> {
          String n = given != null ? given : knownSource(headerName);
          filter[0] = new TermFilter(n == null ? Set.of() : DefaultSources.idPrefixes(n), sink);
          return filter[0];
        };
    String name = given;
    String version = null;
    switch (format) {
      case OBO -> {
        sinkFor.apply(null);
        OboParser.Header h = new OboParser(entity.parentRelations()).parse(file, filter[0]);
        version = oboVersion(h);
        if (name == null) {
          name = knownSource(h.ontology());
        }
      }
      case CELLXGENE_JSON -> {
        new CellxgeneJsonParser().parse(file, sinkFor.apply(null));
        version = fileNameVersion(file);
      }
      case OBO_GRAPH_JSON -> {
        ObographJsonParser.Result r =
            new ObographJsonParser(partOf).parse(file, h -> sinkFor.apply(h.sourceName()));
        name = name != null ? name : knownSource(r.header().sourceName());
        version = r.header().version() == null ? null : versionOf(r.header().version());
      }
      case PARQUET -> {
        new ParquetSourceReader().parse(file, sinkFor.apply(null));
        version = fileNameVersion(file);
      }
      case OWL -> {
        OwlParser.Result r = new OwlParser(partOf).parse(file, h -> sinkFor.apply(h.sourceName()));
        name = name != null ? name : knownSource(r.header().sourceName());
        version = r.header().versionIri() == null ? null : versionOf(r.header().versionIri());
      }
      default -> throw new IllegalStateException(format.toString());
    }
    return new ReadSummary(
        format,
        name,
        version,
        filter[0].accepted(),
        filter[0].droppedObsolete(),
        filter[0].droppedOtherPrefix());
  }

  /**
   * Reads only what tells a file's version: the header of an OBO file, the {@code owl:versionIRI}
   * of an OWL file, the first graph's {@code meta.version} of OBO Graph JSON, else the file name
   * (cellxgene {@code *-ontology-v<version>.json}, bionty {@code
   * df_<organism>__<source>__<version>__<Entity>.parquet}).
   *
   * @return the version, or null when the file does not say
   */
  public static String detectVersion(Path file) {
    Format format = detect(file);
    if (format == Format.OWL) {
      String v = OwlParser.peek(file).versionIri();
      return v == null ? null : versionOf(v);
    }
    if (format == Format.OBO_GRAPH_JSON) {
      String v = ObographJsonParser.peek(file).version();
      return v == null ? null : versionOf(v);
    }
    if (format == Format.OBO) {
      try (java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  SourceFiles.open(file), java.nio.charset.StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null && !line.startsWith("[")) {
          if (line.startsWith("data-version:")) {
            return oboVersion(new OboParser.Header(null, line.substring(13).strip(), null, 0));
          }
        }
        return null;
      } catch (java.io.IOException e) {
        throw SourceFiles.ioError(file, e);
      }
    }
    return fileNameVersion(file);
  }

  /**
   * @return the source short name a file name or header tells (OBO {@code ontology:}, OWL ontology
   *     IRI, OBO Graph JSON graph id), e.g. {@code cl}; null if unknown
   */
  public static String detectSourceName(Path file) {
    String byName = sourceNameFromFileName(file);
    if (byName != null) {
      return byName;
    }
    Format format = detect(file);
    if (format == Format.OWL) {
      return knownSource(OwlParser.peek(file).sourceName());
    }
    if (format == Format.OBO_GRAPH_JSON) {
      return knownSource(ObographJsonParser.peek(file).sourceName());
    }
    if (format != Format.OBO) {
      return null;
    }
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                SourceFiles.open(file), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && !line.startsWith("[")) {
        if (line.startsWith("ontology:")) {
          return knownSource(line.substring(9).strip());
        }
      }
      return null;
    } catch (java.io.IOException e) {
      throw SourceFiles.ioError(file, e);
    }
  }

  /**
   * @return the source short name told by a file name ({@code CL-ontology-v...json}, {@code
   *     df_..parquet})
   */
  static String sourceNameFromFileName(Path file) {
    String n = file.getFileName().toString();
    Matcher j = JSON_NAME.matcher(n.replace(".gz", ""));
    if (j.matches()) {
      String prefix = j.group(1).toLowerCase(Locale.ROOT);
      return prefix.equals("cvcl") ? "cellosaurus" : prefix; // cellxgene names files by id prefix
    }
    Matcher p = PARQUET_NAME.matcher(n);
    if (p.matches()) {
      return p.group(2).toLowerCase(Locale.ROOT);
    }
    return null; // never guessed from a fragment of a free-form file name
  }

  /**
   * @param header what a header calls the ontology ({@code ontology: cl}, an ontology IRI's file
   *     name), or null
   * @return the source short name if the header names a source bionty knows (e.g. {@code cl},
   *     {@code hsapdv}); null for a merged release such as {@code life-stages} or an unknown name,
   *     so that the registry's default source decides
   */
  static String knownSource(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String n = header.strip().split("/")[0].toLowerCase(Locale.ROOT);
    n = n.replaceAll("\\.(obo|owl|json)$", "");
    String name = n;
    boolean known =
        !DefaultSources.idPrefixes(name).isEmpty()
            || DefaultSources.all().stream().anyMatch(x -> x.name().equalsIgnoreCase(name));
    return known ? name : null;
  }

  private static String oboVersion(OboParser.Header h) {
    return h.dataVersion() == null ? null : versionOf(h.dataVersion());
  }

  /**
   * @return the release in a data-version or version IRI ({@code .../releases/<v>/...}, a date, or
   *     as is)
   */
  private static String versionOf(String text) {
    Matcher r = RELEASE.matcher(text);
    if (r.find()) {
      return r.group(1);
    }
    Matcher d = DATE.matcher(text);
    return d.find() ? d.group(1) : text;
  }

  private static String fileNameVersion(Path file) {
    String n = file.getFileName().toString().replace(".gz", "");
    Matcher j = JSON_NAME.matcher(n);
    if (j.matches()) {
      return j.group(2);
    }
    Matcher p = PARQUET_NAME.matcher(n);
    return p.matches() ? p.group(3) : null;
  }
}
