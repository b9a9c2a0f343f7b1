package org.lamindb.internal.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.curate.ValidationReport;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import org.lamindb.spi.RegistryDef;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Validates a table (a DataFrame, an obs/var table, a SpatialData table's obs) against a feature
 * schema (spec §8.4): required and optional members, flexible matches, maximal and ordered sets,
 * nullability, dtypes (with coercion) and categorical values, looked up once per column and
 * registry (one query for up to 1000 distinct values); non-validated values get synonym hints from
 * one vocabulary query.
 */
final class TableSlot {
  private TableSlot() {}

  /** A categorical column's lookup, kept for standardize/addNewFrom. */
  record Cat(
      Feature feature,
      ParsedDtype dtype,
      List<String> nonValidated,
      Map<String, String> synonyms) {}

  /**
   * One slot's outcome.
   *
   * @param report the report entry
   * @param result what to annotate (features, labels) when it passed
   * @param cats categorical columns by name
   */
  record Outcome(
      ValidationReport.Slot report, DataFrameCurator.Result result, Map<String, Cat> cats) {}

  static Outcome validate(
      Instance inst, Table table, Schema schema, String slot, String reportSlot) {
    if (schema.itype() != null && !schema.itype().equals("Feature")) {
      throw new InvalidArgumentException(
          "a DataFrame schema has itype Feature, schema '"
              + schema.name()
              + "' has "
              + schema.itype());
    }
    List<Feature> members = Schemas.members(inst, schema.id());
    Set<String> optional = SchemaSaver.optionalUids(schema);
    boolean flexible = truthy(schema.get("flexible"), members.isEmpty());
    boolean minimal = truthy(schema.get("minimal_set"), true);
    boolean maximal = truthy(schema.get("maximal_set"), false);
    boolean ordered = truthy(schema.get("ordered_set"), false);
    List<String> names = table.columnNames();
    Map<String, Feature> byName = new LinkedHashMap<>();
    if (flexible) {
      byName.putAll(FeatureCatalog.byName(inst, names));
    }
    members.forEach(f -> byName.put(f.name(), f));
    List<String> problems = new ArrayList<>();
    List<ValidationReport.Column> cols = new ArrayList<>();
    Set<String> present = new LinkedHashSet<>(names);
    missingMembers(members, present, optional, minimal, problems, cols);
    if (ordered) {
      List<String> expected = new ArrayList<>();
      members.forEach(f -> expected.add(f.name()));
      List<String> got = names.stream().filter(expected::contains).toList();
      List<String> want = expected.stream().filter(present::contains).toList();
      if (!got.equals(want)) {
        problems.add("column order " + got + " does not match the schema's order " + want);
      }
    }
    List<Feature> validated = new ArrayList<>();
    Map<Feature, List<String>> labels = new LinkedHashMap<>();
    Map<String, Cat> cats = new LinkedHashMap<>();
    for (String c : names) {
      Feature f = byName.get(c);
      if (f == null) {
        boolean extra = maximal && !c.startsWith("__lamindb_");
        if (extra) {
          problems.add("column '" + c + "' not in DataFrameSchema");
        }
        cols.add(
            new ValidationReport.Column(
                c,
                null,
                null,
                extra ? ValidationReport.EXTRA : ValidationReport.IGNORED,
                table.column(c).countMissing(),
                extra ? "not a member of the maximal schema" : "not a feature",
                0,
                List.of(),
                Map.of()));
        continue;
      }
      validated.add(f);
      cols.add(column(inst, table.column(c), f, slot, problems, labels, cats));
    }
    ValidationReport.Slot report =
        new ValidationReport.Slot(reportSlot, schema.name(), schema.itype(), cols, problems);
    return new Outcome(
        report,
        problems.isEmpty() ? new DataFrameCurator.Result(schema, slot, validated, labels) : null,
        cats);
  }

  private static void missingMembers(
      List<Feature> members,
      Set<String> present,
      Set<String> optional,
      boolean minimal,
      List<String> problems,
      List<ValidationReport.Column> cols) {
    for (Feature f : members) {
      if (!present.contains(f.name())) {
        boolean required = minimal && !optional.contains(f.uid());
        if (required) {
          problems.add("column '" + f.name() + "' not in dataframe");
        }
        cols.add(
            col(
                f.name(),
                f,
                required ? ValidationReport.MISSING : ValidationReport.IGNORED,
                0,
                required ? null : "optional, absent"));
      }
    }
  }

  private static ValidationReport.Column column(
      Instance inst,
      Column<?> col,
      Feature f,
      String slot,
      List<String> problems,
      Map<Feature, List<String>> labels,
      Map<String, Cat> cats) {
    String c = col.name();
    int missing = col.countMissing();
    String status = ValidationReport.OK;
    if (missing > 0 && Boolean.FALSE.equals(f.nullable())) {
      problems.add("non-nullable series '" + c + "' contains null values");
      status = ValidationReport.NULLS;
    }
    if (missing == col.size()) {
      return col(c, f, status, missing, "all null");
    }
    ParsedDtype d = FeatureCatalog.dtype(f);
    if (!d.isCategorical()) {
      String error = DataFrameCurator.dtypeCheck(f, d, col);
      if (error != null) {
        problems.add(error);
        return col(
            c,
            f,
            ValidationReport.DTYPE,
            missing,
            "got " + DataFrameCurator.pandasType(col.type()));
      }
      return col(c, f, status, missing, null);
    }
    List<String> values = distinct(col);
    if (d.list()) {
      problems.add(
          "Column '"
              + f.name()
              + "' failed dtype check for '"
              + f.dtypeString()
              + "': got a table column (list dtypes need lists per cell)");
      return col(c, f, ValidationReport.DTYPE, missing, "list dtype");
    }
    Cat cat = lookup(inst, f, d, values);
    cats.put(c, cat);
    if (cat.nonValidated().isEmpty()) {
      labels.put(f, values);
    } else {
      problems.add(message(inst, f, d, cat, slot));
      status = ValidationReport.NOT_VALIDATED;
    }
    return new ValidationReport.Column(
        c,
        f.name(),
        f.dtypeString(),
        status,
        missing,
        null,
        values.size(),
        cat.nonValidated(),
        cat.synonyms());
  }

  private static ValidationReport.Column col(
      String name, Feature f, String status, long nulls, String detail) {
    return new ValidationReport.Column(
        name, f.name(), f.dtypeString(), status, nulls, detail, 0, List.of(), Map.of());
  }

  /**
   * Resolves distinct values against the dtype's registries; for the rest, synonym and casing
   * matches from one vocabulary query of the first member's registry.
   */
  static Cat lookup(Instance inst, Feature f, ParsedDtype d, List<String> values) {
    Map<String, List<FeatureCatalog.LabelRef>> found = FeatureCatalog.resolve(inst, d, values);
    List<String> missing = new ArrayList<>();
    for (String v : values) {
      if (!found.containsKey(v)) {
        missing.add(v);
      }
    }
    Map<String, String> synonyms = missing.isEmpty() ? Map.of() : synonyms(inst, d, missing);
    return new Cat(f, d, missing, synonyms);
  }

  private static Map<String, String> synonyms(Instance inst, ParsedDtype d, List<String> missing) {
    ParsedDtype.CatMember m = d.members().get(0);
    RegistryDef r = inst.registries().get(m.registry());
    if (r == null) {
      return Map.of();
    }
    String field = m.field() == null ? r.nameField() : m.field();
    if (!field.equals(r.nameField())) {
      return Map.of();
    }
    try {
      return FeatureCatalog.memberQuery(inst, m, r).standardizeMapper(missing, field);
    } catch (InvalidArgumentException e) {
      return Map.of();
    }
  }

  /** LaminDB's categorical message, with the synonym lines when synonyms were found. */
  static String message(Instance inst, Feature f, ParsedDtype d, Cat cat, String slot) {
    String base = DataFrameCurator.notValidated(inst, f, d, cat.nonValidated(), slot);
    if (cat.synonyms().isEmpty()) {
      return base;
    }
    int cut = base.indexOf("\n    → fix typos");
    StringBuilder s = new StringBuilder(base.substring(0, cut));
    int n = cat.synonyms().size();
    s.append("\n    ").append(n).append(n == 1 ? " synonym found: " : " synonyms found: ");
    List<String> pairs = new ArrayList<>();
    cat.synonyms().forEach((k, v) -> pairs.add("\"" + k + "\" → \"" + v + "\""));
    s.append(String.join(", ", pairs));
    s.append("\n    → curate synonyms via: curator.standardize(")
        .append(slot == null ? "\"columns\"" : "\"" + slot + "\"")
        .append(", \"")
        .append(f.name())
        .append("\")");
    return s.append(base.substring(cut)).toString();
  }

  static List<String> distinct(Column<?> col) {
    Set<String> out = new LinkedHashSet<>();
    if (col instanceof StringColumn sc) {
      for (String s : sc) {
        if (s != null && !s.isEmpty()) {
          out.add(s);
        }
      }
      return new ArrayList<>(out);
    }
    for (int i = 0; i < col.size(); i++) {
      if (!col.isMissing(i)) {
        String s = col.getString(i);
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return new ArrayList<>(out);
  }

  static boolean truthy(Object v, boolean dflt) {
    return v == null ? dflt : SchemaSaver.truthy(v);
  }
}
