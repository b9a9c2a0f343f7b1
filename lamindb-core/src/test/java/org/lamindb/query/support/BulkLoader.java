package org.lamindb.query.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * Bulk insertion for tests and benchmarks: rows get LaminDB's defaults ({@link
 * RecordStore#applyDefaults}) and go in as multi-row INSERTs of bound values, in one transaction
 * per chunk.
 */
public final class BulkLoader {
  private static final int CHUNK = 500;
  private static final int BATCH = 5000;

  private BulkLoader() {}

  /**
   * Inserts rows of {@code r}; Artifact rows get the required storage, suffix and flags if missing.
   *
   * @return the uids of the inserted rows (null entries for registries without uid), in order
   */
  public static List<String> insert(LaminDB ln, RegistryDef r, List<Map<String, Object>> rows) {
    Instance inst = Access.instance(ln);
    List<String> uids = new ArrayList<>(rows.size());
    List<Map<String, Object>> prepared = new ArrayList<>(rows.size());
    Set<String> cols = new LinkedHashSet<>();
    for (Map<String, Object> in : rows) {
      Map<String, Object> v = new HashMap<>(in);
      if (r.name().equals("Artifact")) {
        v.putIfAbsent("storage_id", inst.storageId());
        v.putIfAbsent("suffix", "");
        v.putIfAbsent("_key_is_virtual", true);
        v.putIfAbsent("_overwrite_versions", false);
      }
      RecordStore.applyDefaults(inst, r, v);
      v.remove("id");
      cols.addAll(v.keySet());
      prepared.add(v);
      uids.add((String) v.get("uid"));
    }
    List<FieldDef> fields = new ArrayList<>();
    for (String c : cols) {
      fields.add(
          r.field(c)
              .orElseThrow(
                  () -> new IllegalArgumentException("no field " + c + " on " + r.name())));
    }
    List<Field<Object>> jf = new ArrayList<>();
    List<Field<?>> params = new ArrayList<>();
    for (FieldDef f : fields) {
      jf.add(RecordStore.col(f.name()));
      params.add(DSL.val(null, sqlType(inst, f.type())));
    }
    for (int start = 0; start < prepared.size(); start += BATCH) {
      List<Map<String, Object>> chunk =
          prepared.subList(start, Math.min(prepared.size(), start + BATCH));
      inst.db()
          .transaction(
              ctx -> {
                BatchBindStep batch =
                    ctx.batch(ctx.insertInto(RecordStore.table(r), jf).values(params));
                for (Map<String, Object> v : chunk) {
                  Object[] vals = new Object[fields.size()];
                  for (int i = 0; i < vals.length; i++) {
                    FieldDef f = fields.get(i);
                    vals[i] = inst.db().toSql(f.type(), v.get(f.name()));
                  }
                  batch = batch.bind(vals);
                }
                return batch.execute();
              });
    }
    return uids;
  }

  private static DataType<?> sqlType(Instance inst, org.lamindb.spi.FieldType t) {
    boolean sqlite = inst.db().dialect() == org.lamindb.spi.Dialect.SQLITE;
    return switch (t) {
      case STRING, TEXT -> SQLDataType.VARCHAR;
      case INTEGER -> SQLDataType.BIGINT;
      case FLOAT -> SQLDataType.DOUBLE;
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case DATE -> sqlite ? SQLDataType.VARCHAR : SQLDataType.LOCALDATE;
      case DATETIME -> sqlite ? SQLDataType.VARCHAR : SQLDataType.OFFSETDATETIME;
      case JSON -> sqlite ? SQLDataType.VARCHAR : SQLDataType.JSONB;
    };
  }

  /**
   * @return database ids by uid for the given uids of registry {@code r}
   */
  public static Map<String, Long> ids(LaminDB ln, RegistryDef r, List<String> uids) {
    Instance inst = Access.instance(ln);
    Map<String, Long> out = new LinkedHashMap<>();
    for (int start = 0; start < uids.size(); start += CHUNK) {
      List<String> chunk = uids.subList(start, Math.min(uids.size(), start + CHUNK));
      for (Record rec :
          inst.db()
              .dsl()
              .select(RecordStore.col("uid"), RecordStore.col("id"))
              .from(RecordStore.table(r))
              .where(RecordStore.col("uid").in(new ArrayList<Object>(chunk)))
              .fetch()) {
        out.put((String) rec.get(0), ((Number) rec.get(1)).longValue());
      }
    }
    return out;
  }

  /**
   * Links host rows to target rows through a many-to-many relation of {@code host}.
   *
   * @param pairs [hostId, targetId] pairs
   */
  public static void link(LaminDB ln, RegistryDef host, String relation, List<long[]> pairs) {
    Instance inst = Access.instance(ln);
    RelationDef rel = host.relation(relation).orElseThrow();
    if (rel.kind() != RelationDef.Kind.MANY) {
      throw new IllegalArgumentException(relation + " is not a many-to-many relation");
    }
    boolean auto = rel.linkTable().substring("lamindb_".length()).contains("_");
    List<Field<Object>> cols =
        new ArrayList<>(
            List.of(RecordStore.col(rel.linkSource()), RecordStore.col(rel.linkTarget())));
    if (!auto) {
      cols.add(RecordStore.col("created_by_id"));
      cols.add(RecordStore.col("created_at"));
    }
    Object now = inst.db().toSql(org.lamindb.spi.FieldType.DATETIME, RecordStore.now());
    for (int start = 0; start < pairs.size(); start += CHUNK) {
      List<long[]> chunk = pairs.subList(start, Math.min(pairs.size(), start + CHUNK));
      inst.db()
          .transaction(
              ctx -> {
                InsertValuesStepN<Record> ins =
                    ctx.insertInto(DSL.table(DSL.name(rel.linkTable())), cols);
                for (long[] p : chunk) {
                  List<Object> vals = new ArrayList<>(List.of(p[0], p[1]));
                  if (!auto) {
                    vals.add(inst.userId());
                    vals.add(now);
                  }
                  ins = ins.values(vals);
                }
                return ins.execute();
              });
    }
  }

  /** Links one host entity to targets through a many-to-many relation. */
  public static void link(LaminDB ln, SQLRecord<?> host, String relation, SQLRecord<?>... targets) {
    List<long[]> pairs = new ArrayList<>();
    for (SQLRecord<?> t : targets) {
      pairs.add(new long[] {host.id(), t.id()});
    }
    link(ln, host.registry(), relation, pairs);
  }

  /** Runs {@code work} directly on the instance's jOOQ context (for test setup only). */
  public static <T> T sql(LaminDB ln, java.util.function.Function<DSLContext, T> work) {
    return work.apply(Access.instance(ln).db().dsl());
  }
}
