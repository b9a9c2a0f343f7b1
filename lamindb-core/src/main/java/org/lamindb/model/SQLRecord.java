package org.lamindb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.spi.RegistryDef;

/**
 * Base of every entity: one row of a registry, bound to the instance it belongs to. Values are held
 * by column name (see {@link #get(String)}); subclasses add typed accessors without a {@code get}
 * prefix and fluent setters that return the entity, as in {@code ln.ulabel("My
 * label").description("...").save()}.
 *
 * @param <T> the entity type, so fluent setters return it
 */
public abstract class SQLRecord<T extends SQLRecord<T>> {
  static {
    Access.installRecordAccess(
        new Access.RecordAccess() {
          @Override
          public Map<String, Object> values(SQLRecord<?> r) {
            return r.values;
          }

          @Override
          public Set<String> dirty(SQLRecord<?> r) {
            return r.dirty;
          }

          @Override
          public LaminDB handle(SQLRecord<?> r) {
            return r.ln;
          }
        });
  }

  private final LaminDB ln;
  private final RegistryDef registry;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();

  /**
   * @param ln the instance this record belongs to
   * @param registry its registry
   */
  protected SQLRecord(LaminDB ln, RegistryDef registry) {
    this.ln = Objects.requireNonNull(ln, "ln");
    this.registry = registry;
  }

  /**
   * @return the instance this record belongs to
   */
  protected LaminDB ln() {
    return ln;
  }

  /**
   * @return internal services of the instance
   */
  protected Instance instance() {
    return Access.instance(ln);
  }

  /**
   * @return the registry of this record
   */
  public RegistryDef registry() {
    return registry;
  }

  /**
   * @return the database id, or null when not yet saved
   */
  public Long id() {
    return (Long) values.get("id");
  }

  /**
   * @return the uid, or null for registries without uids
   */
  public String uid() {
    return (String) values.get("uid");
  }

  /**
   * @return true once the record is in the database
   */
  public boolean isSaved() {
    return id() != null;
  }

  /**
   * @param field a column name of the registry, e.g. {@code key} or {@code storage_id}
   * @return its value, typed as {@link org.lamindb.spi.FieldType#javaType()} (null when unset)
   */
  public Object get(String field) {
    return values.get(field);
  }

  /**
   * @return a read-only view of all column values
   */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /**
   * Saves the record: INSERT when new (uid, created_by, branch and space filled in), else UPDATE of
   * the changed fields.
   *
   * @return this record
   */
  public T save() {
    RecordStore.save(instance(), this);
    return self();
  }

  /**
   * Deletes the record: registries with branches move it to the trash (restore with {@link
   * #restore()}), others delete it permanently.
   */
  public void delete() {
    RecordStore.delete(instance(), this, false);
  }

  /**
   * Deletes the record.
   *
   * @param permanent true removes the row for good; false moves it to the trash
   */
  public void delete(boolean permanent) {
    RecordStore.delete(instance(), this, permanent);
  }

  /** Moves a trashed record back to the main branch. */
  public T restore() {
    RecordStore.restore(instance(), this);
    return self();
  }

  /** Reloads all values from the database. */
  public T refresh() {
    RecordStore.refresh(instance(), this);
    return self();
  }

  /**
   * @return a plain-text description of the record (a tree as LaminDB's describe)
   */
  public String describeText() {
    return instance().describer().describe(this, false);
  }

  /** Prints {@link #describeText()} to standard output, coloured on a terminal. */
  public void describe() {
    System.out.println(instance().describer().describe(this, System.console() != null));
  }

  /** Sets column {@code field} and marks it for the next save. */
  @SuppressWarnings("unchecked")
  protected T set(String field, Object value) {
    values.put(field, value);
    dirty.add(field);
    return (T) this;
  }

  /**
   * @return this, typed
   */
  @SuppressWarnings("unchecked")
  protected T self() {
    return (T) this;
  }

  /**
   * @return string value of {@code field}
   */
  protected String str(String field) {
    return (String) values.get(field);
  }

  /**
   * @return integer value of {@code field}
   */
  protected Long lng(String field) {
    return (Long) values.get(field);
  }

  /**
   * @return boolean value of {@code field}
   */
  protected Boolean bool(String field) {
    return (Boolean) values.get(field);
  }

  /**
   * @return timestamp value of {@code field}
   */
  protected OffsetDateTime time(String field) {
    return (OffsetDateTime) values.get(field);
  }

  /**
   * @return date value of {@code field}
   */
  protected LocalDate date(String field) {
    return (LocalDate) values.get(field);
  }

  /**
   * @return JSON value of {@code field}
   */
  protected JsonNode json(String field) {
    return (JsonNode) values.get(field);
  }

  /**
   * @return the record that FK relation {@code relation} points to, loaded on demand; null if unset
   */
  protected <R extends SQLRecord<?>> R related(String relation, Class<R> type) {
    return RecordStore.related(instance(), this, relation, type);
  }

  /**
   * Sets FK relation {@code relation} to {@code target} (which must be saved), or clears it for
   * null.
   */
  protected T relate(String relation, SQLRecord<?> target) {
    String column = registry.relation(relation).orElseThrow().column();
    if (target != null && target.id() == null) {
      throw new org.lamindb.InvalidArgumentException(
          target.registry().name()
              + " "
              + target
              + " is not saved yet; save it before using it as "
              + relation);
    }
    return set(column, target == null ? null : target.id());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SQLRecord<?> other) || id() == null) {
      return false;
    }
    return registry == other.registry && id().equals(other.id()) && ln == other.ln;
  }

  @Override
  public int hashCode() {
    return id() == null ? System.identityHashCode(this) : Objects.hash(registry.name(), id());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(registry.name()).append('(');
    boolean first = true;
    for (var e : values.entrySet()) {
      if (e.getValue() == null || e.getKey().startsWith("_")) {
        continue;
      }
      if (!first) {
        s.append(", ");
      }
      first = false;
      Object v = e.getValue();
      s.append(e.getKey()).append('=');
      s.append(v instanceof String ? "'" + v + "'" : v);
    }
    return s.append(')').toString();
  }
}
