package org.lamindb.bionty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.internal.parse.CellxgeneJsonParser;
import org.lamindb.bionty.internal.parse.OboParser;
import org.lamindb.bionty.internal.parse.OwlXmlParser;
import org.lamindb.bionty.internal.parse.ParquetSourceReader;
import org.lamindb.bionty.internal.parse.SourceFiles;
import org.lamindb.bionty.internal.parse.TermFilter;

/**
 * Reads an ontology source file of any supported format, applies bionty's import rules (no obsolete
 * terms, only the source's own id prefix, parents within that prefix) and streams the kept terms to
 * a consumer.
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
  private static final Pattern JSON_NAME = Pattern.compile("^([A-Za-z]+)-ontology-v(.+)\\.json$");
  private static final Pattern PARQUET_NAME =
      Pattern.compile("^df_([^_]+)__([^_]+)__(.+)__([A-Za-z]+)\\.parquet$");

  private OntologyFiles() {}

  /** File formats of ontology sources. */
  public enum Format {
    /** OBO 1.2/1.4 flat file ({@code .obo}, {@code .obo.gz}). */
    OBO,
    /** cellxgene ontology JSON ({@code .json}, {@code .json.gz}). */
    CELLXGENE_JSON,
    /** bionty-style parquet table ({@code .parquet}). */
    PARQUET,
    /** OWL in RDF/XML as the OBO Foundry publishes it ({@code .owl}, {@code .owl.gz}). */
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
   * @return its format, from the file name
   * @throws InvalidArgumentException for unknown extensions
   */
  public static Format detect(Path file) {
    String n = SourceFiles.baseName(file);
    if (n.endsWith(".obo")) {
      return Format.OBO;
    }
    if (n.endsWith(".json")) {
      return Format.CELLXGENE_JSON;
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
            + "; supported: .obo, .owl (RDF/XML), .json (cellxgene ontology JSON), .parquet, optionally"
            + " gzipped");
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
    String name =
        sourceName != null ? sourceName.toLowerCase(Locale.ROOT) : sourceNameFromFileName(file);
    Set<String> prefixes = name == null ? Set.of() : DefaultSources.idPrefixes(name);
    TermFilter filter = new TermFilter(prefixes, sink);
    String version = null;
    switch (format) {
      case OBO -> {
        OboParser.Header h = new OboParser(entity.parentRelations()).parse(file, filter);
        version = oboVersion(h);
        if (name == null && h.ontology() != null) {
          name = h.ontology().split("/")[0].toLowerCase(Locale.ROOT);
        }
      }
      case CELLXGENE_JSON -> {
        new CellxgeneJsonParser().parse(file, filter);
        version = fileNameVersion(file);
      }
      case PARQUET -> {
        new ParquetSourceReader().parse(file, filter);
        version = fileNameVersion(file);
      }
      case OWL -> {
        OwlXmlParser.Header h =
            new OwlXmlParser(entity.parentRelations().contains("part_of")).parse(file, filter);
        version = h.versionIri() == null ? null : versionOf(h.versionIri());
      }
      default -> throw new IllegalStateException(format.toString());
    }
    return new ReadSummary(
        format,
        name,
        version,
        filter.accepted(),
        filter.droppedObsolete(),
        filter.droppedOtherPrefix());
  }

  /**
   * Reads only what tells a file's version: the header of an OBO file, else the file name
   * (cellxgene {@code *-ontology-v<version>.json}, bionty {@code
   * df_<organism>__<source>__<version>__<Entity>.parquet}).
   *
   * @return the version, or null when the file does not say
   */
  public static String detectVersion(Path file) {
    if (detect(file) == Format.OBO) {
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
   * @return the source short name a file name or OBO header tells, e.g. {@code cl}; null if unknown
   */
  public static String detectSourceName(Path file) {
    String byName = sourceNameFromFileName(file);
    if (byName != null || detect(file) != Format.OBO) {
      return byName;
    }
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                SourceFiles.open(file), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && !line.startsWith("[")) {
        if (line.startsWith("ontology:")) {
          return line.substring(9).strip().split("/")[0].toLowerCase(Locale.ROOT);
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
      return j.group(1).toLowerCase(Locale.ROOT);
    }
    Matcher p = PARQUET_NAME.matcher(n);
    if (p.matches()) {
      return p.group(2).toLowerCase(Locale.ROOT);
    }
    String base = SourceFiles.baseName(file);
    if (base.endsWith(".obo")) {
      String stem = base.substring(0, base.length() - 4);
      int dash = stem.indexOf('-');
      return dash > 0 ? stem.substring(0, dash) : stem;
    }
    return null;
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
