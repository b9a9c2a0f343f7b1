package org.lamindb.bionty.model;

import java.util.Arrays;
import java.util.List;
import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.RegistryDef;

/**
 * Base of every bionty entity (LaminDB's {@code BioRecord}): uid, abbreviation, pipe-separated
 * synonyms, description and the source it was imported from.
 *
 * @param <T> the entity type, so fluent setters return it
 */
public abstract class BioRecord<T extends BioRecord<T>> extends SQLRecord<T> {
  private final BiontyEntity entity;

  /**
   * @param ln the instance
   * @param registry the registry definition
   * @param entity which bionty registry this is
   */
  protected BioRecord(LaminDB ln, RegistryDef registry, BiontyEntity entity) {
    super(ln, registry);
    this.entity = entity;
  }

  /**
   * @return which bionty registry the record belongs to
   */
  public BiontyEntity entity() {
    return entity;
  }

  /**
   * @return the 14-character uid
   */
  public String uid() {
    return (String) get("uid");
  }

  /**
   * @return the unique abbreviation, or null
   */
  public String abbr() {
    return (String) get("abbr");
  }

  /** Sets the abbreviation (unique across the registry). */
  public T abbr(String abbr) {
    return set("abbr", abbr);
  }

  /**
   * @return the synonyms, possibly empty
   */
  public List<String> synonyms() {
    String s = (String) get("synonyms");
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\\|"));
  }

  /** Sets the synonyms; they must not contain {@code |}. */
  public T synonyms(List<String> synonyms) {
    for (String s : synonyms) {
      if (s.contains("|")) {
        throw new org.lamindb.InvalidArgumentException(
            "a synonym must not contain '|': '" + s + "'; pass each synonym separately");
      }
    }
    return set("synonyms", synonyms.isEmpty() ? null : String.join("|", synonyms));
  }

  /**
   * @return the description (definition), or null
   */
  public String description() {
    return (String) get("description");
  }

  /** Sets the description. */
  public T description(String description) {
    return set("description", description);
  }

  /**
   * @return the id of the Source the record came from, or null
   */
  public Long sourceId() {
    return (Long) get("source_id");
  }
}
