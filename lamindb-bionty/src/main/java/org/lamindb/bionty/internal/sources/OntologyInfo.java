package org.lamindb.bionty.internal.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.DefaultSources;
import org.lamindb.bionty.SourceInfo;
import org.lamindb.bionty.internal.parse.SourceFiles;

/**
 * Reads source metadata in the layout of cellxgene's {@code ontology_info.json}: {@code {"<schema
 * version>": {"ontologies": {"CL": {"version": "v2025-04-10", "source": ".../{version}/{filename}",
 * "filename": "cl.owl"}, ...}}}}. The newest schema version is used; each ontology becomes the
 * {@link SourceInfo} of the registry it feeds, with its URL placeholders resolved.
 */
public final class OntologyInfo {

  /** Registry and organism per ontology key, and the source name bionty uses for it. */
  private record Target(BiontyEntity entity, String name, String organism) {}

  private static final Map<String, Target> TARGETS =
      Map.ofEntries(
          Map.entry("CL", new Target(BiontyEntity.CELL_TYPE, "cl", "all")),
          Map.entry("CVCL", new Target(BiontyEntity.CELL_LINE, "cellosaurus", "all")),
          Map.entry("EFO", new Target(BiontyEntity.EXPERIMENTAL_FACTOR, "efo", "all")),
          Map.entry("HANCESTRO", new Target(BiontyEntity.ETHNICITY, "hancestro", "human")),
          Map.entry("HSAPDV", new Target(BiontyEntity.DEVELOPMENTAL_STAGE, "hsapdv", "human")),
          Map.entry("MMUSDV", new Target(BiontyEntity.DEVELOPMENTAL_STAGE, "mmusdv", "mouse")),
          Map.entry("MONDO", new Target(BiontyEntity.DISEASE, "mondo", "all")),
          Map.entry("NCBITAXON", new Target(BiontyEntity.ORGANISM, "ncbitaxon", "all")),
          Map.entry("UBERON", new Target(BiontyEntity.TISSUE, "uberon", "all")),
          Map.entry("PATO", new Target(BiontyEntity.PHENOTYPE, "pato", "all")),
          Map.entry("FBBT", new Target(BiontyEntity.TISSUE, "fbbt", "drosophila melanogaster")),
          Map.entry(
              "FBDV",
              new Target(BiontyEntity.DEVELOPMENTAL_STAGE, "fbdv", "drosophila melanogaster")),
          Map.entry("ZFA", new Target(BiontyEntity.TISSUE, "zfa", "zebrafish")),
          Map.entry("WBBT", new Target(BiontyEntity.TISSUE, "wbbt", "caenorhabditis elegans")),
          Map.entry(
              "WBLS",
              new Target(BiontyEntity.DEVELOPMENTAL_STAGE, "wbls", "caenorhabditis elegans")));

  /**
   * What a file lists.
   *
   * @param schemaVersion the schema version block that was read, e.g. {@code 7.1.0}
   * @param sources one source per ontology feeding a bionty registry, in file order
   * @param skipped ontology keys without a bionty registry (e.g. CHEBI, UniProt)
   */
  public record Listing(String schemaVersion, List<SourceInfo> sources, List<String> skipped) {}

  private OntologyInfo() {}

  /**
   * @param file an {@code ontology_info.json}-style file
   * @return its sources
   * @throws org.lamindb.ValidationException when the file is not in that layout
   */
  public static Listing read(Path file) {
    JsonNode root;
    try (InputStream in = SourceFiles.open(file)) {
      root = new ObjectMapper().readTree(in);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw SourceFiles.error(file, line, "not valid JSON: " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    }
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw layoutError(file, "the top level must be an object keyed by schema version");
    }
    String newest = null;
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (root.get(k).has("ontologies") && (newest == null || compareVersions(k, newest) > 0)) {
        newest = k;
      }
    }
    if (newest == null) {
      throw layoutError(file, "no schema version block has an \"ontologies\" object");
    }
    List<SourceInfo> sources = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    var fields = root.get(newest).get("ontologies").fields();
    while (fields.hasNext()) {
      var e = fields.next();
      Target t = TARGETS.get(e.getKey().toUpperCase(java.util.Locale.ROOT));
      if (t == null) {
        skipped.add(e.getKey());
        continue;
      }
      JsonNode o = e.getValue();
      String rawVersion = text(o, "version");
      String template = text(o, "source");
      String fileName = text(o, "filename");
      if (rawVersion == null || template == null || fileName == null) {
        throw layoutError(
            file,
            "ontology "
                + e.getKey()
                + " in block "
                + newest
                + " needs \"version\", \"source\" and \"filename\"");
      }
      String url = template.replace("{version}", rawVersion).replace("{filename}", fileName);
      if (!url.endsWith(fileName)) {
        url = url.endsWith("/") ? url + fileName : url;
      }
      SourceInfo known =
          DefaultSources.of(t.entity()).stream()
              .filter(s -> s.name().equals(t.name()))
              .findFirst()
              .orElse(null);
      sources.add(
          new SourceInfo(
              t.entity(),
              t.name(),
              t.organism(),
              normalizeVersion(rawVersion),
              url,
              known != null ? known.description() : e.getKey(),
              known != null ? known.website() : null));
    }
    return new Listing(newest, List.copyOf(sources), List.copyOf(skipped));
  }

  /**
   * @return the version as bionty writes it: without the leading {@code v} of release tags
   */
  static String normalizeVersion(String v) {
    return v.length() > 1 && v.charAt(0) == 'v' && Character.isDigit(v.charAt(1))
        ? v.substring(1)
        : v;
  }

  /** Compares dotted versions numerically where they are numbers. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c;
      try {
        c = Long.compare(Long.parseLong(p), Long.parseLong(q));
      } catch (NumberFormatException e) {
        c = p.compareTo(q);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
  }

  private static RuntimeException layoutError(Path file, String problem) {
    return SourceFiles.error(
        file,
        0,
        problem,
        "expected the layout of cellxgene's ontology_info.json:"
            + " {\"7.1.0\": {\"ontologies\": {\"CL\": {\"version\": ..., \"source\": ...,"
            + " \"filename\": ...}}}}");
  }
}
