package org.lamindb.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.lamindb.LaminDB;
import org.lamindb.spi.RegistryDef;

/**
 * Base of every entity: a row of a registry, bound to the instance it belongs to. Values are held by column name;
 * subclasses add typed accessors and fluent setters.
 *
 * @param <T> the entity type, so fluent setters return it
 */
public abstract class SQLRecord<T extends SQLRecord<T>> {
  private final LaminDB ln;
  private final RegistryDef registry;
  final Map<String, Object> values = new LinkedHashMap<>();
  final Set<String> dirty = new LinkedHashSet<>();

  /**
   * @param ln the instance this record belongs to
   * @param registry its registry
   */
  protected SQLRecord(LaminDB ln, RegistryDef registry) {
    this.ln = ln;
    this.registry = registry;
  }

  /** @return the instance this record belongs to */
  protected LaminDB ln() {
    return ln;
  }

  /** @return the registry of this record */
  public RegistryDef registry() {
    return registry;
  }

  /** @return the database id, or null when not yet saved */
  public Long id() {
    return (Long) values.get("id");
  }

  /** @return the value of column {@code field} (typed as {@link org.lamindb.spi.FieldType#javaType()}) */
  public Object get(String field) {
    return values.get(field);
  }

  /** Sets column {@code field} and marks it for the next save. */
  @SuppressWarnings("unchecked")
  protected T set(String field, Object value) {
    values.put(field, value);
    dirty.add(field);
    return (T) this;
  }

  @SuppressWarnings("unchecked")
  protected T self() {
    return (T) this;
  }
}
