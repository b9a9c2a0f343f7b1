package org.lamindb.internal.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.curate.Curator;
import org.lamindb.curate.ValidationReport;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Artifact;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;
import org.lamindb.spi.RegistryDef;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link Curator} over {@link CurationEngine}: one instance per dataset and schema. */
public final class CuratorImpl implements Curator {
  private final Instance inst;
  private final Object dataset;
  private final Schema schema;
  private CurationEngine.Data data;
  private CurationEngine.Outcome last;

  /**
   * @param inst the instance
   * @param dataset a Table, AnnData, MuData or a path
   * @param schema a saved schema
   */
  public CuratorImpl(Instance inst, Object dataset, Schema schema) {
    this.inst = inst;
    this.dataset = dataset;
    this.schema = schema;
    if (!schema.isSaved()) {
      throw new InvalidArgumentException(
          "schema '" + schema.name() + "' is not saved; call save() before curating with it");
    }
  }

  @Override
  public boolean validate() {
    if (data == null) {
      data = CurationEngine.data(dataset);
    }
    last = CurationEngine.run(inst, data, schema);
    return last.report().ok();
  }

  @Override
  public ValidationReport report() {
    if (last == null) {
      validate();
    }
    return last.report();
  }

  @Override
  public String reportJson() {
    return report().toJson();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  private String slotKey(String slot) {
    return slot == null ? DataFrameCurator.COLUMNS : slot;
  }

  private TableSlot.Cat cat(String slot, String column) {
    report();
    Map<String, TableSlot.Cat> cats = last.cats().get(slotKey(slot));
    if (cats == null) {
      throw new InvalidArgumentException(
          "no slot '"
              + slotKey(slot)
              + "' with categorical columns; slots: "
              + last.cats().keySet());
    }
    TableSlot.Cat c = cats.get(column);
    if (c == null) {
      throw new InvalidArgumentException(
          "column '"
              + column
              + "' of slot '"
              + slotKey(slot)
              + "' is not a categorical feature column; categorical: "
              + cats.keySet());
    }
    return c;
  }

  @Override
  public Map<String, String> standardize(String slot, String column) {
    TableSlot.Cat c = cat(slot, column);
    Map<String, String> map = new LinkedHashMap<>(c.synonyms());
    if (map.isEmpty()) {
      return map;
    }
    Object part = CurationEngine.resolve(data, slotKey(slot));
    if (part instanceof Table t) {
      if (!(t.column(column) instanceof StringColumn sc)) {
        throw new InvalidArgumentException(
            "column '" + column + "' is not a text column; cannot replace its values");
      }
      for (int i = 0; i < sc.size(); i++) {
        String to = map.get(sc.get(i));
        if (to != null) {
          sc.set(i, to);
        }
      }
    } else if (part instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> dict = (Map<String, Object>) m;
      Object v = dict.get(column);
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        l.forEach(x -> out.add(map.getOrDefault(String.valueOf(x), String.valueOf(x))));
        dict.put(column, out);
      } else if (v != null) {
        dict.put(column, map.getOrDefault(String.valueOf(v), String.valueOf(v)));
      }
    }
    org.slf4j.LoggerFactory.getLogger(Curator.class)
        .info(
            "standardized {} value(s) in '{}' of slot '{}': {}",
            map.size(),
            column,
            slotKey(slot),
            map);
    last = null;
    return map;
  }

  @Override
  public List<String> addNewFrom(String slot, String column) {
    if (DataFrameCurator.COLUMNS.equals(column)) {
      return addFeatures(slot);
    }
    TableSlot.Cat c = cat(slot, column);
    if (!c.synonyms().isEmpty()) {
      throw new InvalidArgumentException(
          "column '"
              + column
              + "' has values that are synonyms of existing records "
              + c.synonyms()
              + ": standardize them first with curator.standardize(\""
              + slotKey(slot)
              + "\", \""
              + column
              + "\")");
    }
    List<String> names = c.nonValidated();
    if (names.isEmpty()) {
      return List.of();
    }
    inst.checkWritable("create records");
    ParsedDtype.CatMember m = c.dtype().members().get(0);
    RegistryDef r = inst.registries().get(m.registry());
    if (r == null) {
      throw new InvalidArgumentException("this instance has no " + m.registry() + " registry");
    }
    String field = m.field() == null ? r.nameField() : m.field();
    Long typeId = m.typeUid() == null ? null : typeId(r, m.typeUid());
    List<SQLRecord<?>> recs = new ArrayList<>();
    for (String n : names) {
      SQLRecord<?> rec = r.newEntity(inst.ln());
      Access.values(rec).put(field, n);
      if (!field.equals(r.nameField()) && r.field(r.nameField()).isPresent()) {
        Access.values(rec).put(r.nameField(), n);
      }
      if (typeId != null) {
        Access.values(rec).put("type_id", typeId);
      }
      Access.dirty(rec).addAll(Access.values(rec).keySet());
      recs.add(rec);
    }
    insertAll(recs);
    last = null;
    return List.copyOf(names);
  }

  private Long typeId(RegistryDef r, String uid) {
    List<SQLRecord<?>> t = RecordStore.load(inst, r, RecordStore.col("uid").eq(uid));
    return t.isEmpty() ? null : t.get(0).id();
  }

  private void insertAll(List<SQLRecord<?>> recs) {
    inst.db()
        .transaction(
            ctx -> {
              for (SQLRecord<?> rec : recs) {
                RecordStore.insert(inst, ctx, rec);
              }
              return null;
            });
  }

  /** Registers the slot's non-feature table columns as features, dtype from the column type. */
  private List<String> addFeatures(String slot) {
    report();
    Object part = CurationEngine.resolve(data, slotKey(slot));
    if (!(part instanceof Table t)) {
      throw new InvalidArgumentException("slot '" + slotKey(slot) + "' is not a table");
    }
    List<String> names = new ArrayList<>();
    List<SQLRecord<?>> recs = new ArrayList<>();
    for (ValidationReport.Column c : last.report().slot(slotKey(slot)).columns()) {
      if (c.feature() == null && t.columnNames().contains(c.name())) {
        SQLRecord<?> f = CoreRegistries.FEATURE.newEntity(inst.ln());
        Access.values(f).put("name", c.name());
        Access.values(f).put("_dtype_str", dtypeOf(t.column(c.name()).type()));
        Access.values(f).put("nullable", true);
        Access.dirty(f).addAll(Access.values(f).keySet());
        recs.add(f);
        names.add(c.name());
      }
    }
    inst.checkWritable("create features");
    insertAll(recs);
    last = null;
    return names;
  }

  private static String dtypeOf(ColumnType t) {
    if (t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.SHORT) {
      return "int";
    }
    if (t == ColumnType.DOUBLE || t == ColumnType.FLOAT) {
      return "float";
    }
    if (t == ColumnType.BOOLEAN) {
      return "bool";
    }
    if (t == ColumnType.LOCAL_DATE) {
      return "date";
    }
    if (t == ColumnType.LOCAL_DATE_TIME || t == ColumnType.INSTANT) {
      return "datetime";
    }
    return "cat[ULabel]";
  }

  @Override
  public Artifact save(String key) {
    Artifact a = dataset instanceof Path p ? inst.ln().artifact(p) : inst.ln().artifact(dataset);
    a.key(key);
    a.schema(schema);
    return a.save();
  }
}
