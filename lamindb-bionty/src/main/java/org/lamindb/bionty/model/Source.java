package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.SourceInfo;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.RegistryDef;

/**
 * A record of {@code bionty.Source}: one version of a public source for one registry and organism.
 */
public final class Source extends SQLRecord<Source> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Source}
   */
  public Source(LaminDB ln, RegistryDef registry) {
    super(ln, registry);
  }

  /**
   * Fills the columns from {@code info} (entity, name, organism, version, url, description,
   * website, uid).
   */
  public Source from(SourceInfo info) {
    set("uid", info.uid());
    set("entity", info.entity().registryName());
    set("name", info.name());
    set("organism", info.organism());
    set("version", info.version());
    set("url", info.url());
    set("description", info.description());
    return set("source_website", info.website());
  }

  /**
   * @return the 8-character uid
   */
  public String uid() {
    return (String) get("uid");
  }

  /**
   * @return the registry name, e.g. {@code bionty.CellType}
   */
  public String entity() {
    return (String) get("entity");
  }

  /**
   * @return the source short name, e.g. {@code cl}
   */
  public String name() {
    return (String) get("name");
  }

  /**
   * @return the organism, {@code all} when not organism-specific
   */
  public String organism() {
    return (String) get("organism");
  }

  /**
   * @return the version
   */
  public String version() {
    return (String) get("version");
  }

  /**
   * @return true when all terms of the source are in the registry
   */
  public Boolean inDb() {
    return (Boolean) get("in_db");
  }

  /**
   * @return true when this is the source the registry uses by default
   */
  public Boolean currentlyUsed() {
    return (Boolean) get("currently_used");
  }

  /**
   * @return where the source file is published, or null
   */
  public String url() {
    return (String) get("url");
  }

  /**
   * @return the long name, e.g. {@code Cell Ontology}
   */
  public String description() {
    return (String) get("description");
  }

  /**
   * @return the project website, or null
   */
  public String sourceWebsite() {
    return (String) get("source_website");
  }

  @Override
  public String toString() {
    return "Source(entity='" + entity() + "', name='" + name() + "', version='" + version() + "')";
  }
}
