package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.db.Database;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.RegistryDef;

/**
 * Reads feature values of hosts in bulk: JSON values (through {@code lamindb_artifactjsonvalue},
 * {@code lamindb_runjsonvalue} or {@code lamindb_recordjson}) and categorical values (feature-aware
 * link tables), converted back to Java values by the feature's dtype (spec §6.4 get_values, §6.8).
 */
public final class FeatureReader {
  private static final int CHUNK = 1000;
  private final Instance inst;
  private final RegistryDef host;
  private final Map<Long, Feature> features = new HashMap<>();
  private final Map<Long, ParsedDtype> dtypes = new HashMap<>();

  /**
   * @param inst the instance
   * @param host Artifact, Run or Record
   */
  public FeatureReader(Instance inst, RegistryDef host) {
    this.inst = inst;
    this.host = host;
  }

  /**
   * One stored value: the host, the feature, and the Java value (a label's field value for
   * categoricals).
   */
  public record Value(long hostId, long featureId, Object value, boolean categorical) {}

  /**
   * @return the feature with {@code id} (cached)
   */
  public Feature feature(long id) {
    return features.computeIfAbsent(
        id, k -> (Feature) RecordStore.byId(inst, CoreRegistries.FEATURE, k).orElseThrow());
  }

  /**
   * @param hostIds host ids
   * @param only feature ids to read, or null for all
   * @return every value of these hosts, JSON values first
   */
  public List<Value> read(Collection<Long> hostIds, Set<Long> only) {
    List<Value> out = new ArrayList<>();
    List<Long> ids = new ArrayList<>(new LinkedHashSet<>(hostIds));
    DSLContext ctx = inst.db().dsl();
    List<LinkTables.Link> links = null;
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<Long> part = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      List<org.jooq.Record3<Object, Object, Object>> json = fetchJson(ctx, part, only);
      Set<Long> fids = new LinkedHashSet<>();
      for (var r : json) {
        if (r.get(1) != null) {
          fids.add(((Number) r.get(1)).longValue());
        }
      }
      if (links == null) {
        links =
            relevantLinks(only, fids); // one query for categorical features and these JSON features
      } else {
        preload(fids);
      }
      convertJson(json, out);
      readCategorical(ctx, part, only, links, out);
    }
    return out;
  }

  /**
   * Loads the categorical features (all, or those in {@code only}) and returns the link tables
   * their registries use on this host, so that only those tables are read.
   */
  private List<LinkTables.Link> relevantLinks(Set<Long> only, Set<Long> alsoLoad) {
    org.jooq.Condition w = col("_dtype_str").like("%cat[%");
    if (only != null) {
      w = w.and(col("id").in(only));
    }
    List<Long> extra = new ArrayList<>();
    for (Long id : alsoLoad) {
      if (!features.containsKey(id)) {
        extra.add(id);
      }
    }
    if (!extra.isEmpty()) {
      w = w.or(col("id").in(extra));
    }
    Set<String> registries = new LinkedHashSet<>();
    for (SQLRecord<?> r : RecordStore.load(inst, CoreRegistries.FEATURE, w)) {
      Feature f = (Feature) r;
      features.put(f.id(), f);
      if (!FeatureCatalog.dtype(f).isCategorical() || only != null && !only.contains(f.id())) {
        continue;
      }
      for (ParsedDtype.CatMember m : FeatureCatalog.dtype(f).members()) {
        registries.add(m.registry());
      }
    }
    List<LinkTables.Link> out = new ArrayList<>();
    for (String reg : registries) {
      LinkTables.Link l = LinkTables.featureLink(inst, host, reg);
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * @return the parsed dtype of feature {@code id} (parsed once per reader)
   */
  private ParsedDtype dtype(long id) {
    return dtypes.computeIfAbsent(id, k -> FeatureCatalog.dtype(feature(k)));
  }

  /** Loads the features with these ids in one query (those not yet cached). */
  private void preload(Collection<Long> ids) {
    List<Long> missing = new ArrayList<>();
    for (Long id : ids) {
      if (!features.containsKey(id)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      for (SQLRecord<?> r : RecordStore.load(inst, CoreRegistries.FEATURE, col("id").in(missing))) {
        features.put(r.id(), (Feature) r);
      }
    }
  }

  private List<org.jooq.Record3<Object, Object, Object>> fetchJson(
      DSLContext ctx, List<Long> ids, Set<Long> only) {
    org.jooq.Result<org.jooq.Record3<Object, Object, Object>> rows;
    if (host.name().equals("Record")) {
      org.jooq.Condition w = col("record_id").in(ids);
      if (only != null) {
        w = w.and(col("feature_id").in(only));
      }
      rows =
          ctx.select(col("record_id"), col("feature_id"), col("value"))
              .from(DSL.table(DSL.name("lamindb_recordjson")))
              .where(w)
              .orderBy(col("id"))
              .fetch();
    } else {
      String link =
          host.name().equals("Artifact") ? "lamindb_artifactjsonvalue" : "lamindb_runjsonvalue";
      String hc = host.name().equals("Artifact") ? "artifact_id" : "run_id";
      org.jooq.Condition w = col("l", hc).in(ids);
      if (only != null) {
        w = w.and(col("v", "feature_id").in(only));
      }
      rows =
          ctx.select(col("l", hc), col("v", "feature_id"), col("v", "value"))
              .from(DSL.table(DSL.name(link)).as("l"))
              .join(DSL.table(DSL.name("lamindb_jsonvalue")).as("v"))
              .on(col("v", "id").eq(col("l", "jsonvalue_id")))
              .where(w)
              .orderBy(col("l", "id"))
              .fetch();
    }
    return rows;
  }

  private void convertJson(List<org.jooq.Record3<Object, Object, Object>> rows, List<Value> out) {
    for (var r : rows) {
      if (r.get(1) == null) {
        continue;
      }
      long fid = ((Number) r.get(1)).longValue();
      JsonNode j = (JsonNode) Database.fromSql(org.lamindb.spi.FieldType.JSON, r.get(2));
      Object v = fromJson(dtype(fid), j);
      out.add(new Value(((Number) r.get(0)).longValue(), fid, v, false));
    }
  }

  private void readCategorical(
      DSLContext ctx,
      List<Long> ids,
      Set<Long> only,
      List<LinkTables.Link> links,
      List<Value> out) {
    for (LinkTables.Link l : links) {
      RegistryDef target = inst.registry(l.target());
      Table<?> lt = DSL.table(DSL.name(l.table())).as("l");
      Table<?> tt = DSL.table(DSL.name(target.table())).as("t");
      org.jooq.Condition w =
          col("l", l.hostColumn()).in(ids).and(col("l", "feature_id").isNotNull());
      if (only != null) {
        w = w.and(col("l", "feature_id").in(only));
      }
      if (target.isBranched()) {
        w = w.and(col("t", "branch_id").in(1L, inst.branchId()));
      }
      List<Field<?>> sel =
          new ArrayList<>(
              List.of(col("l", l.hostColumn()), col("l", "feature_id"), col("t", "id")));
      sel.addAll(RecordStore.selectFields(target, "t"));
      var rows =
          ctx.select(sel)
              .from(lt)
              .join(tt)
              .on(col("t", "id").eq(col("l", l.valueColumn())))
              .where(w)
              .orderBy(col("l", "id"))
              .fetch();
      for (var r : rows) {
        long fid = ((Number) r.get(1)).longValue();
        ParsedDtype d = dtype(fid);
        String field = target.nameField();
        for (ParsedDtype.CatMember m : d.members()) {
          if (m.registry().equals(target.name()) && m.field() != null) {
            field = m.field();
          }
        }
        int idx = 3 + new ArrayList<>(target.fields().keySet()).indexOf(field);
        Object v = Database.fromSql(target.fields().get(field).type(), r.get(idx));
        out.add(new Value(((Number) r.get(0)).longValue(), fid, v, true));
      }
    }
  }

  /**
   * Aggregates values per feature as LaminDB's get_values: one value → itself, several → a sorted
   * set (lists for {@code list[...]} dtypes).
   *
   * @param values values of one host
   * @return feature name → value, sorted by feature name
   */
  public Map<String, Object> aggregate(List<Value> values) {
    Map<Long, List<Object>> by = new java.util.LinkedHashMap<>();
    for (Value v : values) {
      by.computeIfAbsent(v.featureId(), k -> new ArrayList<>()).add(v.value());
    }
    Map<String, Object> out = new java.util.TreeMap<>();
    for (Map.Entry<Long, List<Object>> e : by.entrySet()) {
      Feature f = feature(e.getKey());
      out.put(f.name(), collapse(FeatureCatalog.dtype(f), e.getValue()));
    }
    return out;
  }

  /**
   * @return one value, or a set (a list for list dtypes) of several
   */
  static Object collapse(ParsedDtype d, List<Object> vs) {
    if (d.list()) {
      if (d.isCategorical()) {
        return List.copyOf(vs);
      }
      return vs.get(0);
    }
    if (vs.size() == 1) {
      return vs.get(0);
    }
    if (d.simple().equals("dict")) {
      return vs.get(0);
    }
    Set<Object> s = new TreeSet<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
    s.addAll(vs);
    return new LinkedHashSet<>(s);
  }

  /**
   * @return the Java value of stored JSON {@code j} for dtype {@code d}
   */
  public static Object fromJson(ParsedDtype d, JsonNode j) {
    if (j == null || j.isNull()) {
      return null;
    }
    if (j.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode e : j) {
        out.add(scalar(d.simple(), e));
      }
      return out;
    }
    return scalar(d.simple(), j);
  }

  private static Object scalar(String simple, JsonNode j) {
    switch (simple) {
      case "int":
        return j.isNumber() ? (Object) j.asLong() : j.asText();
      case "float":
        return j.isNumber() ? (Object) j.asDouble() : j.asText();
      case "num":
        return j.isIntegralNumber()
            ? (Object) j.asLong()
            : j.isNumber() ? j.asDouble() : j.asText();
      case "bool":
        return j.isBoolean() ? (Object) j.asBoolean() : j.asText();
      case "date":
        try {
          return LocalDate.parse(j.asText());
        } catch (RuntimeException e) {
          return j.asText();
        }
      case "datetime":
      case "datetime64[ns, UTC]":
        try {
          return OffsetDateTime.parse(j.asText());
        } catch (RuntimeException e) {
          try {
            return LocalDateTime.parse(j.asText());
          } catch (RuntimeException e2) {
            return j.asText();
          }
        }
      case "dict":
      case "object":
        return Database.json().convertValue(j, Object.class);
      default:
        return j.isTextual() ? j.asText() : Database.json().convertValue(j, Object.class);
    }
  }

  /**
   * @return the labels (entities) linked to host {@code hostId} under feature {@code f}
   */
  public List<SQLRecord<?>> labels(long hostId, Feature f) {
    List<SQLRecord<?>> out = new ArrayList<>();
    for (ParsedDtype.CatMember m : FeatureCatalog.dtype(f).members()) {
      LinkTables.Link l = LinkTables.featureLink(inst, host, m.registry());
      if (l == null) {
        continue;
      }
      RegistryDef target = inst.registry(l.target());
      var ids =
          DSL.select(col(l.valueColumn()))
              .from(DSL.table(DSL.name(l.table())))
              .where(col(l.hostColumn()).eq(hostId))
              .and(col("feature_id").eq(f.id()));
      out.addAll(RecordStore.load(inst, target, col("id").in(ids)));
    }
    return out;
  }
}
