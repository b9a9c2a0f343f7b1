package org.lamindb.spi;

/**
 * One column of a registry as the query engine and the entities see it.
 *
 * @param name field and column name, e.g. {@code key}, {@code storage_id}, {@code _hash_type}
 * @param type column type
 * @param nullable whether the column accepts null
 */
public record FieldDef(String name, FieldType type, boolean nullable) {

  /**
   * @return true for private fields (name starts with '_'), hidden from default DataFrames
   */
  public boolean isPrivate() {
    return name.startsWith("_");
  }
}
