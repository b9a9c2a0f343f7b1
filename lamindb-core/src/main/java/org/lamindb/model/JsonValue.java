package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A feature value stored as JSON (lamindb_jsonvalue), shared by the artifacts and runs it
 * annotates.
 */
public final class JsonValue extends SQLRecord<JsonValue> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public JsonValue(LaminDB ln) {
    super(ln, CoreRegistries.JSON_VALUE);
  }

  /**
   * @return value
   */
  public com.fasterxml.jackson.databind.JsonNode value() {
    return json("value");
  }

  /**
   * @return hash
   */
  public String hash() {
    return str("hash");
  }
}
