package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.model.SQLRecord;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Record types as sheets (spec §7.3): a type's records as a table (one row per record, one column
 * per feature) and back, creating or updating records from a table with the same validation as
 * {@code features().addValues}.
 */
public final class Sheets {
  /** Column of record uids in exported sheets. */
  public static final String UID_COLUMN = "__lamindb_record_uid__";

  /** Column of record names in exported sheets. */
  public static final String NAME_COLUMN = "__lamindb_record_name__";

  private Sheets() {}

  /** Refuses keys that are not members of the sheet schema of a record's type. */
  public static void checkSheetMembers(Instance inst, SQLRecord<?> host, Collection<?> keys) {
    if (!(host instanceof Record r) || r.get("type_id") == null) {
      return;
    }
    SQLRecord<?> type =
        RecordStore.byId(inst, CoreRegistries.RECORD, (Long) r.get("type_id")).orElse(null);
    if (type == null || type.get("schema_id") == null) {
      return;
    }
    Set<String> members = new LinkedHashSet<>();
    Schemas.members(inst, (Long) type.get("schema_id")).forEach(f -> members.add(f.name()));
    List<String> outside = new ArrayList<>();
    for (Object k : keys) {
      String n = k instanceof Feature f ? f.name() : String.valueOf(k);
      if (!members.contains(n)) {
        outside.add(n);
      }
    }
    if (!outside.isEmpty()) {
      throw new ValidationException(
          "These features are not in the schema of sheet '"
              + type.get("name")
              + "': "
              + PyFormat.repr(outside)
              + "; the sheet has "
              + PyFormat.repr(new ArrayList<>(members)));
    }
  }

  /**
   * Sheets have no index feature here; values stay as stored (hook for LaminDB's index-in-name).
   */
  public static void injectIndex(Instance inst, SQLRecord<?> host, Map<String, Object> values) {
    // the record name is its own column in sheet exports; nothing to inject
  }

  /**
   * @return the records of {@code type} (not its sub-types, not trashed, not types themselves), in
   *     id order
   */
  static List<SQLRecord<?>> records(Instance inst, Record type) {
    return RecordStore.load(
        inst,
        CoreRegistries.RECORD,
        col("type_id")
            .eq(type.id())
            .and(col("branch_id").ne(RecordStore.TRASH))
            .and(col("is_type").eq(false)));
  }

  /**
   * @param inst the instance
   * @param type a saved record type
   * @return one row per record: uid, name, then one typed column per feature (schema member order
   *     for sheets, else the features with values, sorted by name)
   */
  public static Table toTable(Instance inst, Record type) {
    if (!type.isSaved() || !type.isType()) {
      throw new InvalidArgumentException(
          "only a saved record type (isType(true)) can be exported as a sheet");
    }
    List<SQLRecord<?>> recs = records(inst, type);
    List<Long> ids = new ArrayList<>();
    StringColumn uid = StringColumn.create(UID_COLUMN);
    StringColumn name = StringColumn.create(NAME_COLUMN);
    for (SQLRecord<?> r : recs) {
      ids.add(r.id());
      uid.append(r.uid());
      name.append((String) r.get("name"));
    }
    List<Feature> features = null;
    if (type.get("schema_id") != null) {
      features = Schemas.members(inst, (Long) type.get("schema_id"));
    } else {
      FeatureReader reader = new FeatureReader(inst, CoreRegistries.RECORD);
      TreeMap<String, Feature> sorted = new TreeMap<>();
      for (FeatureReader.Value v : reader.read(ids, null)) {
        Feature f = reader.feature(v.featureId());
        sorted.put(f.name(), f);
      }
      features = new ArrayList<>(sorted.values());
    }
    Table t = Table.create(String.valueOf(type.name()));
    t.addColumns(uid, name);
    for (Column<?> c : FeatureColumns.columns(inst, CoreRegistries.RECORD, ids, features)) {
      t.addColumns(c);
    }
    return t;
  }

  /**
   * Creates or updates records of {@code type} from a table: names from {@link #NAME_COLUMN} (or
   * {@code name}), every other column a feature. Existing records of the type with the same name
   * are updated (their values of these features replaced). All rows are validated first; nothing is
   * written if any value fails.
   *
   * @return the records, in row order
   * @throws ValidationException listing every bad value with its row
   */
  public static List<Record> fromTable(Instance inst, Table table, Record type) {
    if (type == null || !type.isSaved() || !type.isType()) {
      throw new InvalidArgumentException(
          "pass a saved record type (isType(true)) to create sheet records in");
    }
    String nameCol =
        table.containsColumn(NAME_COLUMN)
            ? NAME_COLUMN
            : table.containsColumn("name") ? "name" : null;
    if (nameCol == null) {
      throw new InvalidArgumentException(
          "the table needs a '"
              + NAME_COLUMN
              + "' or 'name' column with the record names; columns: "
              + table.columnNames());
    }
    List<String> featureCols = new ArrayList<>();
    for (String c : table.columnNames()) {
      if (!c.equals(nameCol) && !c.equals(UID_COLUMN) && !c.equals("id")) {
        featureCols.add(c);
      }
    }
    Map<String, SQLRecord<?>> existing = new HashMap<>();
    for (SQLRecord<?> r : records(inst, type)) {
      existing.putIfAbsent(String.valueOf(r.get("name")), r);
    }
    Map<String, Feature> known = FeatureCatalog.byName(inst, featureCols);
    Map<Long, Map<?, ?>> rows = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      Object n = cell(table.column(nameCol), i);
      if (n == null || n.toString().isBlank()) {
        throw new ValidationException(
            "row " + (i + 1) + " has no record name in column '" + nameCol + "'");
      }
      names.add(n.toString());
      Map<String, Object> vals = new LinkedHashMap<>();
      for (String c : featureCols) {
        Object v = cell(table.column(c), i);
        Feature f = known.get(c);
        if (v instanceof String s
            && s.contains(", ")
            && f != null
            && FeatureCatalog.dtype(f).isCategorical()) {
          v = List.of(s.split(", ")); // several labels in one cell, as exported by toTable
        }
        if (v != null) {
          vals.put(c, v);
        }
      }
      SQLRecord<?> ex = existing.get(n.toString());
      rows.put(ex != null ? ex.id() : -(long) (i + 1), vals);
    }
    Record probe = new Record(inst.ln());
    Access.values(probe).put("type_id", type.id());
    checkSheetMembers(inst, probe, featureCols);
    FeatureWriter w = new FeatureWriter(inst, CoreRegistries.RECORD);
    List<FeatureWriter.Planned> plan = w.validate(rows, "row");
    Set<Long> featureIds = new LinkedHashSet<>();
    known.values().forEach(f -> featureIds.add(f.id()));
    List<Record> out = new ArrayList<>();
    inst.db()
        .transaction(
            ctx -> {
              Map<Long, Long> idOf = new HashMap<>();
              int i = 0;
              for (Long key : rows.keySet()) {
                if (key > 0) {
                  idOf.put(key, key);
                  out.add((Record) existing.get(names.get(i)));
                  for (Long fid : featureIds) {
                    w.removeFeature(ctx, key, fid);
                  }
                } else {
                  Record r = new Record(inst.ln()).name(names.get(i)).type(type);
                  RecordStore.insert(inst, ctx, r);
                  idOf.put(key, r.id());
                  out.add(r);
                }
                i++;
              }
              for (FeatureWriter.Planned p : plan) {
                w.write(
                    ctx,
                    new FeatureWriter.Planned(
                        idOf.get(p.hostId()), p.feature(), p.json(), p.labels()));
              }
              return null;
            });
    return out;
  }

  private static Object cell(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return null;
    }
    Object v = c.get(row);
    if (v instanceof String s && s.isEmpty()) {
      return null;
    }
    if (v instanceof Integer n) {
      return n.longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Double d && d.isNaN()) {
      return null;
    }
    return v;
  }
}
