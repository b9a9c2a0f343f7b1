package org.lamindb.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;

/**
 * Describes one registry (a table of entities such as Artifact or bionty.CellType): its fields,
 * relations, uid scheme and entity class. The query engine validates and translates lookups with
 * it; entities read and write their columns through it. Modules contribute theirs through {@link
 * LaminModule#registries()}.
 */
public final class RegistryDef {
  private final String name;
  private final String table;
  private final String module;
  private final int uidLength;
  private final int stemLength;
  private final String nameField;
  private final boolean branched;
  private final Map<String, FieldDef> fields;
  private final Map<String, RelationDef> relations;
  private final Function<LaminDB, ? extends SQLRecord<?>> factory;

  private RegistryDef(Builder b) {
    this.name = b.name;
    this.table = b.table;
    this.module = b.module;
    this.uidLength = b.uidLength;
    this.stemLength = b.stemLength;
    this.nameField = b.nameField;
    this.branched = b.branched;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    this.relations = Collections.unmodifiableMap(new LinkedHashMap<>(b.relations));
    this.factory = b.factory;
  }

  /**
   * @return a builder for registry {@code name} stored in {@code table}
   */
  public static Builder builder(String name, String table) {
    return new Builder(name, table);
  }

  /**
   * @return the registry name used in dtypes and CLI, e.g. {@code Artifact}, {@code
   *     bionty.CellType}
   */
  public String name() {
    return name;
  }

  /**
   * @return the SQL table, e.g. {@code lamindb_artifact}
   */
  public String table() {
    return table;
  }

  /**
   * @return the module that defines it, e.g. {@code lamindb} or {@code bionty}
   */
  public String module() {
    return module;
  }

  /**
   * @return length of generated uids, 0 when the registry has no uid
   */
  public int uidLength() {
    return uidLength;
  }

  /**
   * @return length of the version-family stem for versioned registries, else 0
   */
  public int stemLength() {
    return stemLength;
  }

  /**
   * @return true for versioned registries (Artifact, Transform, Collection)
   */
  public boolean isVersioned() {
    return stemLength > 0;
  }

  /**
   * @return the field that names records ({@code name}, {@code key}, {@code handle}, ...)
   */
  public String nameField() {
    return nameField;
  }

  /**
   * @return true when rows live on branches ({@code branch_id}) and default queries hide trash
   */
  public boolean isBranched() {
    return branched;
  }

  /**
   * @return the columns, in table order
   */
  public Map<String, FieldDef> fields() {
    return fields;
  }

  /**
   * @return the relations by name
   */
  public Map<String, RelationDef> relations() {
    return relations;
  }

  /**
   * @return the field named {@code n}, if any
   */
  public Optional<FieldDef> field(String n) {
    return Optional.ofNullable(fields.get(n));
  }

  /**
   * @return the relation named {@code n}, if any
   */
  public Optional<RelationDef> relation(String n) {
    return Optional.ofNullable(relations.get(n));
  }

  /**
   * @return a new, unsaved entity of this registry bound to {@code ln}
   */
  public SQLRecord<?> newEntity(LaminDB ln) {
    if (factory == null) {
      throw new IllegalStateException("registry " + name + " has no entity class");
    }
    return factory.apply(ln);
  }

  /**
   * @param extra relations to add (a relation with an existing name is ignored)
   * @return a copy of this registry with {@code extra} relations added after its own
   */
  public RegistryDef withRelations(java.util.Collection<RelationDef> extra) {
    Builder b = new Builder(name, table);
    b.module = module;
    b.uidLength = uidLength;
    b.stemLength = stemLength;
    b.nameField = nameField;
    b.branched = branched;
    b.fields.clear();
    b.fields.putAll(fields);
    b.relations.putAll(relations);
    for (RelationDef r : extra) {
      b.relations.putIfAbsent(r.name(), r);
    }
    b.factory = factory;
    return new RegistryDef(b);
  }

  /**
   * @return the names of public fields (not starting with '_') and relations, for error messages
   */
  public List<String> publicLookupNames() {
    List<String> all = new ArrayList<>();
    for (FieldDef f : fields.values()) {
      if (!f.isPrivate()) {
        all.add(f.name());
      }
    }
    all.addAll(relations.keySet());
    return all;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link RegistryDef}. */
  public static final class Builder {
    private final String name;
    private final String table;
    private String module = "lamindb";
    private int uidLength;
    private int stemLength;
    private String nameField = "name";
    private boolean branched;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, RelationDef> relations = new LinkedHashMap<>();
    private Function<LaminDB, ? extends SQLRecord<?>> factory;

    private Builder(String name, String table) {
      this.name = name;
      this.table = table;
      field("id", FieldType.INTEGER, false);
    }

    /** Sets the defining module (default {@code lamindb}). */
    public Builder module(String m) {
      this.module = m;
      return this;
    }

    /** Adds a {@code uid} column with generated uids of this length. */
    public Builder uid(int length) {
      this.uidLength = length;
      return field("uid", FieldType.STRING, false);
    }

    /** Marks the registry as versioned with a stem of this length (adds version_tag, is_latest). */
    public Builder versioned(int stem) {
      this.stemLength = stem;
      field("version_tag", FieldType.STRING, true);
      return field("is_latest", FieldType.BOOLEAN, false);
    }

    /** Sets the name field (default {@code name}). */
    public Builder nameField(String f) {
      this.nameField = f;
      return this;
    }

    /**
     * Adds the SQLRecord columns (branch, created_on, space, is_locked, _aux) and their relations.
     */
    public Builder sqlRecord() {
      this.branched = true;
      fk("branch", "Branch", false);
      fk("created_on", "Branch", false);
      fk("space", "Space", false);
      field("is_locked", FieldType.BOOLEAN, false);
      return field("_aux", FieldType.JSON, true);
    }

    /** Adds created_at, created_by and run (TracksRun). */
    public Builder tracksRun() {
      field("created_at", FieldType.DATETIME, false);
      fk("created_by", "User", false);
      return fk("run", "Run", true);
    }

    /** Adds updated_at (TracksUpdates). */
    public Builder tracksUpdates() {
      return field("updated_at", FieldType.DATETIME, false);
    }

    /** Adds is_type and the self-referencing type relation (HasType). */
    public Builder hasType() {
      field("is_type", FieldType.BOOLEAN, false);
      return fk("type", name, true);
    }

    /** Adds a column. */
    public Builder field(String n, FieldType type, boolean nullable) {
      fields.put(n, new FieldDef(n, type, nullable));
      return this;
    }

    /** Adds a nullable column. */
    public Builder field(String n, FieldType type) {
      return field(n, type, true);
    }

    /**
     * Adds FK column {@code <rel>_id} and forward relation {@code rel} to registry {@code target}.
     */
    public Builder fk(String rel, String target, boolean nullable) {
      field(rel + "_id", FieldType.INTEGER, nullable);
      relations.put(rel, RelationDef.forward(rel, target, rel + "_id"));
      return this;
    }

    /**
     * Adds a reverse to-many relation (rows of {@code target} whose {@code column} points here).
     */
    public Builder reverse(String rel, String target, String column) {
      relations.put(rel, RelationDef.reverse(rel, target, column));
      return this;
    }

    /** Adds a many-to-many relation through a link table. */
    public Builder many(String rel, String target, String linkTable, String src, String dst) {
      relations.put(rel, RelationDef.many(rel, target, linkTable, src, dst));
      return this;
    }

    /** Sets the entity factory. */
    public Builder entity(Function<LaminDB, ? extends SQLRecord<?>> f) {
      this.factory = f;
      return this;
    }

    /**
     * @return the registry
     */
    public RegistryDef build() {
      return new RegistryDef(this);
    }
  }

  /**
   * @return the names of all fields and relations, for "did you mean" messages
   */
  public List<String> lookupNames() {
    List<String> all = new ArrayList<>(fields.keySet());
    all.addAll(relations.keySet());
    return all;
  }
}
