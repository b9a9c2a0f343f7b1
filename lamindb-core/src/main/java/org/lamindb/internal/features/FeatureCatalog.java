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
import org.lamindb.ValidationException;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.RegistryDef;

/**
 * Looks up features by name, checks dtypes against the instance's registries, and resolves
 * categorical values (label names) to label ids within the dtype's registries, types and filters
 * (spec §6.1, §6.4).
 */
public final class FeatureCatalog {
  private FeatureCatalog() {}

  /** A resolved label: its registry and id. */
  public record LabelRef(String registry, long id) {}

  /**
   * @return features by name among {@code names}; when several share a name, the top-most in the
   *     type hierarchy (then the oldest) wins. Trashed features are ignored.
   */
  public static Map<String, Feature> byName(Instance inst, Collection<String> names) {
    Map<String, Feature> out = new HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    List<SQLRecord<?>> rows =
        RecordStore.load(
            inst,
            CoreRegistries.FEATURE,
            col("name")
                .in(new ArrayList<>(new LinkedHashSet<>(names)))
                .and(col("branch_id").ne(RecordStore.TRASH))
                .and(col("is_type").eq(false)));
    for (SQLRecord<?> r : rows) {
      Feature f = (Feature) r;
      Feature prev = out.get(f.name());
      if (prev == null || prev.get("type_id") != null && f.get("type_id") == null) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  /**
   * Recently resolved features by name, per instance: filters compile a lookup twice (validate,
   * run).
   */
  static final class Cache {
    static final long TTL_NANOS = 2_000_000_000L;
    final java.util.concurrent.ConcurrentHashMap<String, Object[]> byName =
        new java.util.concurrent.ConcurrentHashMap<>();
  }

  /**
   * @return the feature named {@code name} as {@link #byName} finds it, remembered for two seconds
   *     so that compiling one query several times asks the database once
   */
  public static Feature cachedByName(Instance inst, String name) {
    Cache c = inst.service(Cache.class, i -> new Cache());
    Object[] hit = c.byName.get(name);
    long now = System.nanoTime();
    if (hit != null && now - (Long) hit[1] < Cache.TTL_NANOS) {
      return (Feature) hit[0];
    }
    Feature f = byName(inst, List.of(name)).get(name);
    if (f != null) {
      c.byName.put(name, new Object[] {f, now});
    } else {
      c.byName.remove(name);
    }
    return f;
  }

  /**
   * @return the parsed dtype of a saved feature
   */
  public static ParsedDtype dtype(Feature f) {
    return DtypeParser.parse(f.dtypeString());
  }

  /**
   * Checks that every registry, field and type of a categorical dtype exists in this instance.
   *
   * @throws ValidationException naming what is missing
   */
  public static void check(Instance inst, ParsedDtype d) {
    for (ParsedDtype.CatMember m : d.members()) {
      RegistryDef r = inst.registries().get(m.registry());
      if (r == null) {
        throw unknownRegistry(inst, m.registry());
      }
      String field = m.field() == null ? r.nameField() : m.field();
      if (r.field(field).isEmpty()) {
        throw new ValidationException(
            "'"
                + field
                + "' is not a field of "
                + r.name()
                + "; fields: "
                + String.join(", ", r.fields().keySet()));
      }
      if (m.typeUid() != null) {
        typeRow(inst, r, m.typeUid());
      }
    }
  }

  /**
   * @return the error for a dtype naming a registry this instance lacks: "did you mean" when a
   *     registry name is close; "enable the module" only when the registry's module is not enabled
   */
  private static ValidationException unknownRegistry(Instance inst, String name) {
    String problem =
        "'" + name + "' is an invalid dtype, has to be registry, e.g. ULabel or bionty.CellType";
    List<String> near =
        org.lamindb.internal.query.Suggest.nearest(name, inst.registries().keySet());
    if (!near.isEmpty()) {
      return new ValidationException(problem + org.lamindb.internal.query.Suggest.hint(name, near));
    }
    int dot = name.indexOf('.');
    String module = dot < 0 ? null : name.substring(0, dot);
    boolean enabled =
        module != null
            && inst.registries().keySet().stream().anyMatch(k -> k.startsWith(module + "."));
    if (module == null || enabled) {
      return new ValidationException(problem);
    }
    return new ValidationException(problem)
        .withHint(
            new org.lamindb.LaminException.Hint(
                " (enable the module: InitOptions.modules(\"" + module + "\") at init)",
                " (enable the module: lamin init --modules " + module + ")"));
  }

  private static SQLRecord<?> typeRow(Instance inst, RegistryDef r, String uid) {
    if (r.field("is_type").isEmpty()) {
      throw new ValidationException(
          r.name() + " has no types; '" + uid + "' cannot restrict its values");
    }
    List<SQLRecord<?>> t = RecordStore.load(inst, r, col("uid").eq(uid));
    if (t.isEmpty()) {
      throw new ValidationException("no " + r.name() + " type with uid '" + uid + "'");
    }
    if (!Boolean.TRUE.equals(t.get(0).get("is_type"))) {
      throw new ValidationException(
          r.name() + " '" + t.get(0).get("name") + "' (" + uid + ") is not a type");
    }
    return t.get(0);
  }

  /**
   * @return ids of the type with {@code uid} and all its sub-types
   */
  public static List<Long> typeSubtree(Instance inst, RegistryDef r, String uid) {
    List<Long> all = new ArrayList<>();
    List<Long> frontier = List.of(typeRow(inst, r, uid).id());
    while (!frontier.isEmpty() && all.size() < 10_000) {
      all.addAll(frontier);
      List<Long> next = new ArrayList<>();
      for (org.jooq.Record row :
          inst.db()
              .dsl()
              .select(col("id"))
              .from(RecordStore.table(r))
              .where(col("type_id").in(frontier))
              .and(col("is_type").eq(true))
              .fetch()) {
        next.add(((Number) row.get(0)).longValue());
      }
      next.removeAll(all);
      frontier = next;
    }
    return all;
  }

  /**
   * @return the display name of a member: {@code Record[Sample]} for typed members, else the
   *     registry
   */
  public static String display(Instance inst, ParsedDtype.CatMember m) {
    if (m.typeUid() != null) {
      RegistryDef r = inst.registries().get(m.registry());
      if (r != null) {
        List<SQLRecord<?>> t = RecordStore.load(inst, r, col("uid").eq(m.typeUid()));
        if (!t.isEmpty()) {
          return m.registry() + "[" + t.get(0).get("name") + "]";
        }
      }
    }
    return m.registry() + (m.field() == null ? "" : "." + m.field());
  }

  /**
   * @return a dtype for describe: {@code cat[...]} stripped, type uids replaced by type names
   */
  public static String display(Instance inst, ParsedDtype d) {
    if (!d.isCategorical()) {
      return d.serialize();
    }
    List<String> parts = new ArrayList<>();
    for (ParsedDtype.CatMember m : d.members()) {
      parts.add(display(inst, m));
    }
    String s = String.join("|", parts);
    return d.list() ? "list[" + s + "]" : s;
  }

  /**
   * Resolves label names to labels of the dtype's registries (in member order, restricted to types
   * and filters).
   *
   * @param names the names (values of each member's field)
   * @return resolved labels by name; names missing from the map were not found
   */
  public static Map<String, List<LabelRef>> resolve(
      Instance inst, ParsedDtype d, Collection<String> names) {
    Map<String, List<LabelRef>> out = new LinkedHashMap<>();
    Set<String> open = new LinkedHashSet<>(names);
    for (ParsedDtype.CatMember m : d.members()) {
      if (open.isEmpty()) {
        break;
      }
      RegistryDef r = inst.registries().get(m.registry());
      if (r == null) {
        continue;
      }
      String field = m.field() == null ? r.nameField() : m.field();
      QuerySet<SQLRecord<?>> q = memberQuery(inst, m, r);
      List<String> batch = new ArrayList<>(open);
      for (int i = 0; i < batch.size(); i += 1000) {
        List<String> part = batch.subList(i, Math.min(batch.size(), i + 1000));
        for (Map<String, Object> row : q.filter(field + "__in", part).values("id", field)) {
          String name = String.valueOf(row.get(field));
          out.computeIfAbsent(name, k -> new ArrayList<>())
              .add(new LabelRef(r.name(), ((Number) row.get("id")).longValue()));
        }
      }
      open.removeAll(out.keySet());
    }
    return out;
  }

  /**
   * @return the labels a categorical member admits: its registry, within its type subtree and
   *     filters
   */
  public static QuerySet<SQLRecord<?>> memberQuery(
      Instance inst, ParsedDtype.CatMember m, RegistryDef r) {
    QuerySet<SQLRecord<?>> q = QuerySet.ofRegistry(inst.ln(), r);
    if (m.typeUid() != null) {
      q = q.filter("type_id__in", typeSubtree(inst, r, m.typeUid()));
    }
    for (Map.Entry<String, String> f : m.filters().entrySet()) {
      String v = f.getValue();
      Object val = v.equals("True") ? Boolean.TRUE : v.equals("False") ? Boolean.FALSE : v;
      q = q.filter(f.getKey(), val);
    }
    return q;
  }

  /**
   * @return whether a saved label {@code rec} is admitted by the dtype
   */
  public static boolean admits(Instance inst, ParsedDtype d, SQLRecord<?> rec) {
    for (ParsedDtype.CatMember m : d.members()) {
      if (!m.registry().equals(rec.registry().name())) {
        continue;
      }
      if (m.typeUid() == null && m.filters().isEmpty()) {
        return true;
      }
      RegistryDef r = rec.registry();
      if (memberQuery(inst, m, r).filter("id", rec.id()).exists()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return names of up to {@code n} labels a typed member admits, for error hints
   */
  public static List<String> examples(Instance inst, ParsedDtype.CatMember m, int n) {
    RegistryDef r = inst.registries().get(m.registry());
    if (r == null) {
      return List.of();
    }
    String field = m.field() == null ? r.nameField() : m.field();
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row :
        memberQuery(inst, m, r).filter("is_type", false).orderBy(field).limit(n).values(field)) {
      out.add(String.valueOf(row.get(field)));
    }
    return out;
  }
}
