package org.lamindb.internal.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.curate.ValidationReport;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.RegistryDef;

/**
 * Slots that are not tables: identifier lists (a var index against {@code
 * bionty.Gene.ensembl_gene_id}, one query per slot) and dicts ({@code uns}, SpatialData {@code
 * attrs}: keys validated as features).
 */
final class KeyedSlots {
  private KeyedSlots() {}

  /**
   * An identifier slot's outcome.
   *
   * @param report the report entry
   * @param itype the identifier type
   * @param matched how many distinct identifiers are in the registry
   */
  record Ids(ValidationReport.Slot report, String itype, long matched) {}

  /**
   * Validates identifiers (e.g. the var index) against the schema's itype; unknown ones fail only
   * for a maximal schema.
   */
  static Ids identifiers(Instance inst, List<String> ids, Schema s, String slot) {
    String itype = s.itype() == null ? "Feature" : s.itype();
    Object[] rf = registryField(inst, itype, slot);
    RegistryDef r = (RegistryDef) rf[0];
    String field = (String) rf[1];
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      if (id != null && !id.isEmpty()) {
        distinct.add(id);
      }
    }
    Set<String> found = lookup(inst, r, field, distinct);
    List<String> missing = new ArrayList<>();
    for (String id : distinct) {
      if (!found.contains(id)) {
        missing.add(id);
      }
    }
    boolean maximal = SchemaSaver.truthy(s.get("maximal_set"));
    List<String> problems = new ArrayList<>();
    if (maximal && !missing.isEmpty()) {
      problems.add(
          missing.size()
              + (missing.size() == 1 ? " term" : " terms")
              + " not validated in feature 'index' in slot '"
              + slot
              + "': "
              + quoteFirst(missing, 20));
    }
    if ("Feature".equals(itype)) {
      Set<String> present = distinct;
      boolean minimal = TableSlot.truthy(s.get("minimal_set"), true);
      Set<String> optional = SchemaSaver.optionalUids(s);
      for (Feature f : Schemas.members(inst, s.id())) {
        if (minimal && !optional.contains(f.uid()) && !present.contains(f.name())) {
          problems.add("column '" + f.name() + "' not in " + slot);
        }
      }
    }
    String detail = found.size() + " of " + distinct.size() + " validated";
    ValidationReport.Column c =
        new ValidationReport.Column(
            "index",
            itype,
            s.dtype(),
            problems.isEmpty() ? ValidationReport.OK : ValidationReport.NOT_VALIDATED,
            ids.size() - distinct.size(),
            detail,
            distinct.size(),
            missing,
            Map.of());
    return new Ids(
        new ValidationReport.Slot(slot, s.name(), itype, List.of(c), problems),
        itype,
        found.size());
  }

  private static String quoteFirst(List<String> values, int n) {
    List<String> q = new ArrayList<>();
    for (int i = 0; i < Math.min(n, values.size()); i++) {
      q.add("'" + values.get(i) + "'");
    }
    return String.join(", ", q) + (values.size() > n ? ", ..." : "");
  }

  /**
   * @return {registry, field} of an itype: {@code Feature} → (Feature, name), {@code
   *     bionty.Gene.ensembl_gene_id} → (bionty.Gene, ensembl_gene_id), {@code bionty.CellType} →
   *     its name field
   */
  static Object[] registryField(Instance inst, String itype, String slot) {
    RegistryDef r = inst.registries().get(itype);
    if (r != null) {
      return new Object[] {r, r.nameField()};
    }
    int dot = itype.lastIndexOf('.');
    r = dot < 0 ? null : inst.registries().get(itype.substring(0, dot));
    if (r == null) {
      String reg = dot < 0 ? itype : itype.substring(0, dot);
      throw new InvalidArgumentException(
          "slot '"
              + slot
              + "' validates "
              + itype
              + ": this instance has no "
              + reg
              + " registry"
              + (reg.startsWith("bionty.") ? " (enable the bionty module)" : ""));
    }
    String field = itype.substring(dot + 1);
    if (r.field(field).isEmpty()) {
      throw new InvalidArgumentException(
          "itype " + itype + ": '" + field + "' is not a field of " + r.name());
    }
    return new Object[] {r, field};
  }

  /**
   * @return the values among {@code distinct} that the registry's field holds: one IN query for up
   *     to 1000 values, else one query reading the field's whole vocabulary
   */
  static Set<String> lookup(
      Instance inst, RegistryDef r, String field, Collection<String> distinct) {
    Set<String> found = new LinkedHashSet<>();
    if (distinct.isEmpty()) {
      return found;
    }
    QuerySet<SQLRecord<?>> q = QuerySet.ofRegistry(inst.ln(), r);
    if (r.name().equals("Feature")) {
      q = q.filter("is_type", false);
    }
    List<Map<String, Object>> rows =
        distinct.size() <= 1000
            ? q.filter(field + "__in", new ArrayList<>(distinct)).values(field)
            : q.values(field);
    for (Map<String, Object> row : rows) {
      String v = String.valueOf(row.get(field));
      if (distinct.contains(v)) {
        found.add(v);
      }
    }
    return found;
  }

  /** Validates a dict's keys as features (members, flexible matches) and their values. */
  static TableSlot.Outcome dict(Instance inst, Map<String, Object> dict, Schema s, String slot) {
    List<Feature> members = Schemas.members(inst, s.id());
    Set<String> optional = SchemaSaver.optionalUids(s);
    boolean flexible = TableSlot.truthy(s.get("flexible"), members.isEmpty());
    boolean minimal = TableSlot.truthy(s.get("minimal_set"), true);
    boolean maximal = TableSlot.truthy(s.get("maximal_set"), false);
    Map<String, Feature> byName = new LinkedHashMap<>();
    if (flexible) {
      byName.putAll(FeatureCatalog.byName(inst, dict.keySet()));
    }
    members.forEach(f -> byName.put(f.name(), f));
    List<String> problems = new ArrayList<>();
    List<ValidationReport.Column> cols = new ArrayList<>();
    Map<String, TableSlot.Cat> cats = new LinkedHashMap<>();
    for (Feature f : members) {
      if (!dict.containsKey(f.name()) && minimal && !optional.contains(f.uid())) {
        problems.add("key '" + f.name() + "' not in " + slot);
        cols.add(column(f.name(), f, ValidationReport.MISSING, null, 0, List.of(), Map.of()));
      }
    }
    for (Map.Entry<String, Object> e : dict.entrySet()) {
      Feature f = byName.get(e.getKey());
      if (f == null) {
        boolean extra = maximal;
        if (extra) {
          problems.add("key '" + e.getKey() + "' not in schema '" + s.name() + "'");
        }
        cols.add(
            new ValidationReport.Column(
                e.getKey(),
                null,
                null,
                extra ? ValidationReport.EXTRA : ValidationReport.IGNORED,
                0,
                "not a feature",
                0,
                List.of(),
                Map.of()));
        continue;
      }
      cols.add(value(inst, f, e.getValue(), slot, problems, cats));
    }
    ValidationReport.Slot report =
        new ValidationReport.Slot(slot, s.name(), s.itype(), cols, problems);
    return new TableSlot.Outcome(report, null, cats);
  }

  private static ValidationReport.Column value(
      Instance inst,
      Feature f,
      Object v,
      String slot,
      List<String> problems,
      Map<String, TableSlot.Cat> cats) {
    if (v == null) {
      if (Boolean.FALSE.equals(f.nullable())) {
        problems.add("key '" + f.name() + "' in " + slot + " is null");
        return column(f.name(), f, ValidationReport.NULLS, null, 1, List.of(), Map.of());
      }
      return column(f.name(), f, ValidationReport.OK, null, 1, List.of(), Map.of());
    }
    ParsedDtype d = FeatureCatalog.dtype(f);
    if (d.isCategorical()) {
      List<String> values = new ArrayList<>();
      Collection<?> items =
          v instanceof Collection<?> c ? c : v instanceof Object[] a ? List.of(a) : List.of(v);
      items.forEach(x -> values.add(String.valueOf(x)));
      TableSlot.Cat cat =
          TableSlot.lookup(inst, f, d, new ArrayList<>(new LinkedHashSet<>(values)));
      cats.put(f.name(), cat);
      if (!cat.nonValidated().isEmpty()) {
        problems.add(TableSlot.message(inst, f, d, cat, slot));
        return column(
            f.name(),
            f,
            ValidationReport.NOT_VALIDATED,
            null,
            0,
            cat.nonValidated(),
            cat.synonyms());
      }
      return column(f.name(), f, ValidationReport.OK, null, 0, List.of(), Map.of());
    }
    Object val = v instanceof Object[] a ? List.of(a) : v;
    try {
      ValueConverter.convert(d.simple(), d.list(), Boolean.TRUE.equals(f.coerce()), val);
      return column(f.name(), f, ValidationReport.OK, null, 0, List.of(), Map.of());
    } catch (ValueConverter.Mismatch e) {
      String got = ValueConverter.typeName(val);
      problems.add(
          "key '"
              + f.name()
              + "' in "
              + slot
              + " failed dtype check for '"
              + f.dtypeString()
              + "': got "
              + got);
      return column(f.name(), f, ValidationReport.DTYPE, "got " + got, 0, List.of(), Map.of());
    }
  }

  private static ValidationReport.Column column(
      String name,
      Feature f,
      String status,
      String detail,
      long nulls,
      List<String> nonValidated,
      Map<String, String> synonyms) {
    return new ValidationReport.Column(
        name, f.name(), f.dtypeString(), status, nulls, detail, 0, nonValidated, synonyms);
  }
}
