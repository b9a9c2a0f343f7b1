package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.Database;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;

/**
 * Validates feature values for one or many hosts and writes them in one transaction (spec §6.4):
 * unknown keys, wrong types and values missing from label registries are all reported in a single
 * {@link ValidationException}; nothing is written unless every value is valid.
 */
public final class FeatureWriter {
  private final Instance inst;
  private final RegistryDef host;

  /**
   * @param inst the instance
   * @param host Artifact, Run or Record
   */
  public FeatureWriter(Instance inst, RegistryDef host) {
    this.inst = inst;
    this.host = host;
  }

  /** A validated value ready to store: JSON, or label ids. */
  record Planned(long hostId, Feature feature, Object json, List<FeatureCatalog.LabelRef> labels) {}

  /**
   * Validates {@code values} (keys: feature names or saved {@link Feature}s) for every host in
   * {@code hostIds} and stores them.
   *
   * @param rows per host id, the values to add
   * @param replace whether existing values of the same features are removed first (record sheets,
   *     set_values)
   * @throws ValidationException listing every problem
   */
  public void add(Map<Long, Map<?, ?>> rows, boolean replace) {
    List<Planned> plan = validate(rows, null);
    inst.db()
        .transaction(
            ctx -> {
              if (replace) {
                Set<Long> fids = new LinkedHashSet<>();
                plan.forEach(p -> fids.add(p.feature().id()));
                for (Long h : rows.keySet()) {
                  for (Long fid : fids) {
                    removeFeature(ctx, h, fid);
                  }
                }
              }
              for (Planned p : plan) {
                write(ctx, p);
              }
              return null;
            });
  }

  /**
   * @param rows values per host id
   * @param rowLabel how hosts are named in messages (e.g. {@code row}), or null for a single host
   * @return the validated plan
   */
  List<Planned> validate(Map<Long, Map<?, ?>> rows, String rowLabel) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Map<?, ?> m : rows.values()) {
      for (Object k : m.keySet()) {
        if (k instanceof Feature f) {
          if (!f.isSaved()) {
            problems.add("feature '" + f.name() + "' is not saved; save it first");
          }
        } else if (k instanceof String s) {
          names.add(s);
        } else {
          throw new InvalidArgumentException("feature keys are names or Feature objects, got " + k);
        }
      }
    }
    Map<String, Feature> known = FeatureCatalog.byName(inst, names);
    List<String> unknown = new ArrayList<>();
    Map<String, Object> unknownExample = new LinkedHashMap<>();
    for (Map<?, ?> m : rows.values()) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey() instanceof String s && !known.containsKey(s) && !unknown.contains(s)) {
          unknown.add(s);
          unknownExample.put(s, e.getValue());
        }
      }
    }
    LaminException.Hint createHint = null;
    if (!unknown.isEmpty()) {
      problems.add(unknownKeys(unknown));
      StringBuilder java = new StringBuilder("\nHere is how to create a feature:");
      StringBuilder cli = new StringBuilder("\nHere is how to create a feature:");
      for (String k : unknown) {
        String constant = inferConstant(unknownExample.get(k));
        java.append("\n  ln.feature(\"")
            .append(k)
            .append("\", Dtype.")
            .append(constant)
            .append(").save();");
        cli.append("\n  lamin create feature ")
            .append(k)
            .append(" --dtype ")
            .append(cliDtype(constant));
      }
      createHint = new LaminException.Hint(java.toString(), cli.toString());
    }
    List<Planned> plan = new ArrayList<>();
    // per feature: names to resolve, with the hosts asking for them
    Map<Long, Map<String, List<Long>>> pending = new LinkedHashMap<>();
    Map<Long, Feature> fById = new LinkedHashMap<>();
    for (Map.Entry<Long, Map<?, ?>> row : rows.entrySet()) {
      String where = rowLabel == null ? "" : " (" + rowLabel + " " + row.getKey() + ")";
      for (Map.Entry<?, ?> e : row.getValue().entrySet()) {
        Feature f = e.getKey() instanceof Feature x ? x : known.get((String) e.getKey());
        if (f == null || !f.isSaved()) {
          continue;
        }
        fById.put(f.id(), f);
        Object v = e.getValue();
        if (v == null) {
          if (Boolean.FALSE.equals(f.nullable())) {
            problems.add("feature '" + f.name() + "' is not nullable, got null" + where);
          }
          continue;
        }
        ParsedDtype d = FeatureCatalog.dtype(f);
        if (!d.isCategorical()) {
          try {
            Object json =
                ValueConverter.convert(d.simple(), d.list(), Boolean.TRUE.equals(f.coerce()), v);
            plan.add(new Planned(row.getKey(), f, json, null));
          } catch (ValueConverter.Mismatch m) {
            problems.add("feature '" + f.name() + "': " + m.getMessage() + where);
          }
          continue;
        }
        Collection<?> items = ValueConverter.asCollection(v);
        if (items == null) {
          items = List.of(v);
        }
        List<FeatureCatalog.LabelRef> refs = new ArrayList<>();
        for (Object item : items) {
          if (item instanceof SQLRecord<?> rec) {
            if (!rec.isSaved()) {
              problems.add(
                  "feature '"
                      + f.name()
                      + "': "
                      + rec.registry().name()
                      + " "
                      + rec.get("name")
                      + " is not saved; save it first"
                      + where);
            } else if (LinkTables.featureLink(inst, host, rec.registry().name()) == null) {
              problems.add(cannotLink(f, rec.registry().name()));
            } else if (!FeatureCatalog.admits(inst, d, rec)) {
              problems.add(
                  "feature '"
                      + f.name()
                      + "': "
                      + rec.registry().name()
                      + " '"
                      + rec.get(rec.registry().nameField())
                      + "' is not a valid value of dtype "
                      + f.dtypeString()
                      + where);
            } else {
              refs.add(new FeatureCatalog.LabelRef(rec.registry().name(), rec.id()));
            }
          } else if (item instanceof String s) {
            pending
                .computeIfAbsent(f.id(), k -> new LinkedHashMap<>())
                .computeIfAbsent(s, k -> new ArrayList<>())
                .add(row.getKey());
          } else {
            problems.add(
                "feature '"
                    + f.name()
                    + "': failed dtype check for '"
                    + f.dtypeString()
                    + "': got "
                    + ValueConverter.typeName(item)
                    + " "
                    + ValueConverter.show(item)
                    + where);
          }
        }
        plan.add(new Planned(row.getKey(), f, null, refs));
      }
    }
    // resolve label names per feature, all at once
    Map<Long, Map<String, List<FeatureCatalog.LabelRef>>> resolved = new LinkedHashMap<>();
    for (Map.Entry<Long, Map<String, List<Long>>> e : pending.entrySet()) {
      Feature f = fById.get(e.getKey());
      ParsedDtype d = FeatureCatalog.dtype(f);
      Map<String, List<FeatureCatalog.LabelRef>> found =
          FeatureCatalog.resolve(inst, d, e.getValue().keySet());
      resolved.put(f.id(), found);
      List<String> missing = new ArrayList<>();
      for (String s : e.getValue().keySet()) {
        if (!found.containsKey(s)) {
          missing.add(s);
        }
      }
      for (List<FeatureCatalog.LabelRef> refs : found.values()) {
        for (FeatureCatalog.LabelRef r : refs) {
          if (LinkTables.featureLink(inst, host, r.registry()) == null) {
            problems.add(cannotLink(f, r.registry()));
          }
        }
      }
      if (!missing.isEmpty()) {
        problems.add(notValidated(f, d, missing));
      }
    }
    if (!problems.isEmpty()) {
      ValidationException e =
          new ValidationException(String.join("\n", new LinkedHashSet<>(problems)), problems);
      throw createHint == null ? e : e.withHint(createHint);
    }
    List<Planned> out = new ArrayList<>();
    for (Planned p : plan) {
      if (p.labels() == null) {
        out.add(p);
        continue;
      }
      List<FeatureCatalog.LabelRef> refs = new ArrayList<>(p.labels());
      Map<String, List<Long>> asked = pending.getOrDefault(p.feature().id(), Map.of());
      Map<String, List<FeatureCatalog.LabelRef>> found =
          resolved.getOrDefault(p.feature().id(), Map.of());
      for (Map.Entry<String, List<Long>> a : asked.entrySet()) {
        if (a.getValue().contains(p.hostId())) {
          refs.addAll(found.get(a.getKey()));
        }
      }
      out.add(new Planned(p.hostId(), p.feature(), null, refs));
    }
    return out;
  }

  private String cannotLink(Feature f, String registry) {
    return "feature '"
        + f.name()
        + "': "
        + host.name()
        + " cannot hold "
        + registry
        + " values ("
        + host.name()
        + " links "
        + String.join(", ", LinkTables.featureLinks(inst, host).keySet())
        + " with features)";
  }

  private String notValidated(Feature f, ParsedDtype d, List<String> missing) {
    StringBuilder s = CatMessages.header(f, missing, null);
    ParsedDtype.CatMember m = d.members().get(0);
    s.append("\n    → fix typos, remove non-existent values, or create them via:\n  ");
    String factory = CatMessages.factory(m.registry());
    if (factory != null) {
      for (String v : missing.subList(0, Math.min(3, missing.size()))) {
        s.append("ln.")
            .append(factory)
            .append("(\"")
            .append(v)
            .append("\")")
            .append(m.typeUid() != null ? ".type(<" + FeatureCatalog.display(inst, m) + ">)" : "")
            .append(".save(); ");
      }
    } else {
      s.append("the ").append(m.registry()).append(" registry (e.g. import its ontology)");
    }
    CatMessages.appendSubtypeHint(s, inst, m);
    return s.toString();
  }

  /**
   * @return the {@link org.lamindb.model.Dtype} constant that fits {@code v}, for hints
   */
  /**
   * @return {@code These keys could not be validated: ['gc_contnet']}, then a {@code did you mean}
   *     line for each key close to the name of an existing feature
   */
  private String unknownKeys(List<String> unknown) {
    StringBuilder msg =
        new StringBuilder("These keys could not be validated: ").append(PyFormat.repr(unknown));
    List<String> existing =
        inst.db()
            .dsl()
            .selectDistinct(col("name"))
            .from(DSL.table(DSL.name("lamindb_feature")))
            .where(col("branch_id").ne(org.lamindb.internal.core.RecordStore.TRASH))
            .fetch(0, String.class);
    for (String k : unknown) {
      List<String> near = org.lamindb.internal.query.Suggest.nearest(k, existing);
      if (!near.isEmpty()) {
        msg.append("\n  '")
            .append(k)
            .append("'")
            .append(org.lamindb.internal.query.Suggest.hint(k, near));
      }
    }
    return msg.toString();
  }

  /**
   * @return the dtype string for a {@link #inferConstant} expression: {@code FLOAT} → {@code
   *     float}, {@code cat("Record")} → {@code cat[Record]}, {@code list(Dtype.INT)} → {@code
   *     list[int]}
   */
  static String cliDtype(String constant) {
    if (constant.startsWith("cat(\"")) {
      return "'cat[" + constant.substring(5, constant.length() - 2) + "]'";
    }
    if (constant.startsWith("list(Dtype.")) {
      return "'list["
          + cliDtype(constant.substring(11, constant.length() - 1)).replace("'", "")
          + "]'";
    }
    return constant.toLowerCase(java.util.Locale.ROOT);
  }

  static String inferConstant(Object v) {
    if (v instanceof Boolean) {
      return "BOOL";
    }
    if (v instanceof Double || v instanceof Float) {
      return "FLOAT";
    }
    if (v instanceof Number) {
      return "INT";
    }
    if (v instanceof java.time.LocalDate) {
      return "DATE";
    }
    if (v instanceof java.time.temporal.Temporal) {
      return "DATETIME";
    }
    if (v instanceof Map<?, ?>) {
      return "DICT";
    }
    if (v instanceof SQLRecord<?> r) {
      return "cat(\"" + r.registry().name() + "\")";
    }
    Collection<?> c = ValueConverter.asCollection(v);
    if (c != null && !c.isEmpty()) {
      return "list(Dtype." + inferConstant(c.iterator().next()) + ")";
    }
    if (v instanceof String s && s.length() == 10 && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return "DATE";
    }
    return "STR";
  }

  void write(DSLContext ctx, Planned p) {
    Feature f = p.feature();
    if (p.labels() != null) {
      for (FeatureCatalog.LabelRef r : p.labels()) {
        LinkTables.insert(
            inst,
            ctx,
            LinkTables.featureLink(inst, host, r.registry()),
            p.hostId(),
            r.id(),
            f.id());
      }
      return;
    }
    if (host.name().equals("Record")) {
      Object json = inst.db().toSql(FieldType.JSON, p.json());
      var t = DSL.table(DSL.name("lamindb_recordjson"));
      int n =
          ctx.update(t)
              .set(col("value"), json)
              .where(col("record_id").eq(p.hostId()))
              .and(col("feature_id").eq(f.id()))
              .execute();
      if (n == 0) {
        ctx.insertInto(t)
            .set(col("record_id"), p.hostId())
            .set(col("feature_id"), f.id())
            .set(col("value"), json)
            .execute();
      }
      return;
    }
    long jv = jsonValueId(ctx, f, p.json());
    boolean artifact = host.name().equals("Artifact");
    var t = DSL.table(DSL.name(artifact ? "lamindb_artifactjsonvalue" : "lamindb_runjsonvalue"));
    String hc = artifact ? "artifact_id" : "run_id";
    var insert = ctx.insertInto(t).set(col(hc), p.hostId()).set(col("jsonvalue_id"), jv);
    if (!artifact) {
      insert = insert.set(col("created_by_id"), inst.userId());
    }
    insert.onConflictDoNothing().execute();
  }

  /**
   * @return the id of the JsonValue (feature, hash of value), created when missing
   */
  long jsonValueId(DSLContext ctx, Feature f, Object json) {
    String hash = PyFormat.jsonValueHash(json);
    var t = DSL.table(DSL.name("lamindb_jsonvalue"));
    var existing =
        ctx.select(col("id"))
            .from(t)
            .where(col("feature_id").eq(f.id()))
            .and(col("hash").eq(hash))
            .fetchOne();
    if (existing != null) {
      return ((Number) existing.get(0)).longValue();
    }
    var ins =
        ctx.insertInto(t)
            .set(col("feature_id"), f.id())
            .set(col("hash"), hash)
            .set(col("value"), inst.db().toSql(FieldType.JSON, json))
            .set(col("created_by_id"), inst.userId());
    if (inst.currentRunId() != null) {
      ins = ins.set(col("run_id"), inst.currentRunId());
    }
    var id = ins.onConflictDoNothing().returningResult(col("id")).fetchOne();
    if (id != null) {
      return ((Number) id.get(0)).longValue();
    }
    return ((Number)
            ctx.select(col("id"))
                .from(t)
                .where(col("feature_id").eq(f.id()))
                .and(col("hash").eq(hash))
                .fetchOne()
                .get(0))
        .longValue();
  }

  /** Removes every value of feature {@code featureId} from host {@code hostId}. */
  void removeFeature(DSLContext ctx, long hostId, long featureId) {
    removeValues(ctx, hostId, featureId, null, null);
  }

  /**
   * Removes values of a feature from a host: all of them, or those equal to {@code json} / linking
   * {@code labels}.
   *
   * @return rows deleted
   */
  int removeValues(
      DSLContext ctx,
      long hostId,
      long featureId,
      Object json,
      List<FeatureCatalog.LabelRef> labels) {
    int n = 0;
    if (labels == null) {
      if (host.name().equals("Record")) {
        org.jooq.Condition w = col("record_id").eq(hostId).and(col("feature_id").eq(featureId));
        n += ctx.deleteFrom(DSL.table(DSL.name("lamindb_recordjson"))).where(w).execute();
      } else {
        boolean artifact = host.name().equals("Artifact");
        String hc = artifact ? "artifact_id" : "run_id";
        org.jooq.Condition jw = col("feature_id").eq(featureId);
        if (json != null) {
          jw = jw.and(col("hash").eq(PyFormat.jsonValueHash(json)));
        }
        n +=
            ctx.deleteFrom(
                    DSL.table(
                        DSL.name(artifact ? "lamindb_artifactjsonvalue" : "lamindb_runjsonvalue")))
                .where(col(hc).eq(hostId))
                .and(
                    col("jsonvalue_id")
                        .in(
                            DSL.select(col("id"))
                                .from(DSL.table(DSL.name("lamindb_jsonvalue")))
                                .where(jw)))
                .execute();
      }
    }
    if (json == null) {
      for (LinkTables.Link l : LinkTables.featureLinks(inst, host).values()) {
        org.jooq.Condition w = col(l.hostColumn()).eq(hostId).and(col("feature_id").eq(featureId));
        if (labels != null) {
          List<Long> ids = new ArrayList<>();
          labels.stream()
              .filter(r -> r.registry().equals(l.target()))
              .forEach(r -> ids.add(r.id()));
          if (ids.isEmpty()) {
            continue;
          }
          w = w.and(col(l.valueColumn()).in(ids));
        }
        n += ctx.deleteFrom(DSL.table(DSL.name(l.table()))).where(w).execute();
      }
    }
    return n;
  }

  /**
   * Removes values of one feature from one host.
   *
   * @param hostId the host
   * @param f the feature
   * @param value null for all values, else the value (or label / label name) to remove
   * @return rows removed
   */
  public int remove(long hostId, Feature f, Object value) {
    ParsedDtype d = FeatureCatalog.dtype(f);
    if (value == null) {
      return inst.db().transaction(ctx -> removeValues(ctx, hostId, f.id(), null, null));
    }
    if (d.isCategorical()) {
      List<FeatureCatalog.LabelRef> refs = new ArrayList<>();
      Collection<?> items = ValueConverter.asCollection(value);
      List<String> names = new ArrayList<>();
      for (Object o : items == null ? List.of(value) : items) {
        if (o instanceof SQLRecord<?> r) {
          refs.add(new FeatureCatalog.LabelRef(r.registry().name(), r.id()));
        } else {
          names.add(String.valueOf(o));
        }
      }
      FeatureCatalog.resolve(inst, d, names).values().forEach(refs::addAll);
      return inst.db().transaction(ctx -> removeValues(ctx, hostId, f.id(), null, refs));
    }
    Object json;
    try {
      json = ValueConverter.convert(d.simple(), d.list(), true, value);
    } catch (ValueConverter.Mismatch m) {
      throw new ValidationException("feature '" + f.name() + "': " + m.getMessage());
    }
    if (host.name().equals("Record")) {
      Object stored = Database.json().valueToTree(json);
      List<FeatureReader.Value> vs =
          new FeatureReader(inst, host).read(List.of(hostId), Set.of(f.id()));
      boolean match =
          vs.stream()
              .anyMatch(
                  v ->
                      !v.categorical()
                          && Database.json()
                              .valueToTree(ValueConverter.jsonReady(v.value()))
                              .equals(stored));
      return match
          ? inst.db().transaction(ctx -> removeValues(ctx, hostId, f.id(), null, null))
          : 0;
    }
    return inst.db().transaction(ctx -> removeValues(ctx, hostId, f.id(), json, null));
  }
}
