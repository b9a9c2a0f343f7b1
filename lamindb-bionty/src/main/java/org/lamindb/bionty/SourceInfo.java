package org.lamindb.bionty;

import java.util.Locale;

/**
 * A public source of one bionty registry: which ontology (or table), for which organism, which
 * version and where it is published. Mirrors a row of LaminDB's {@code bionty_source}.
 *
 * @param entity the registry the source feeds
 * @param name short name = CURIE prefix in lower case, e.g. {@code cl}, {@code mondo}, {@code
 *     ensembl}
 * @param organism {@code all} when not organism-specific, else e.g. {@code human}
 * @param version e.g. {@code 2025-04-10}, {@code release-114}
 * @param url download URL (may be null for sources LaminDB serves as parquet from its own bucket)
 * @param description long name, e.g. {@code Cell Ontology}
 * @param website project website, or null
 */
public record SourceInfo(
    BiontyEntity entity,
    String name,
    String organism,
    String version,
    String url,
    String description,
    String website) {

  /**
   * @return the deterministic 8-character uid of the Source record
   */
  public String uid() {
    return BiontyUids.ofSource(entity.registryName(), name, organism, version);
  }

  /**
   * @return a copy with another version (URL placeholders re-resolved are not tracked)
   */
  public SourceInfo withVersion(String newVersion) {
    return new SourceInfo(entity, name, organism, newVersion, url, description, website);
  }

  /**
   * @return a copy with another URL
   */
  public SourceInfo withUrl(String newUrl) {
    return new SourceInfo(entity, name, organism, version, newUrl, description, website);
  }

  /**
   * @return e.g. {@code cl 2025-04-10 (all)}
   */
  @Override
  public String toString() {
    return name + " " + version + " (" + organism + ")";
  }

  /**
   * @return the source name lower-cased, as stored
   */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }
}
