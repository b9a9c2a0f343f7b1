package org.lamindb.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Curator} found: per slot of the schema, per column (or dict key, or the var index
 * of an identifier slot) whether it is missing, extra, of the wrong dtype, has nulls where none are
 * allowed, or holds categorical values that are not in the feature's registry (with the synonym
 * matches that {@link Curator#standardize} would apply), plus LaminDB's error messages.
 *
 * <pre>{@code
 * ValidationReport r = ln.curator(adata, "scrna").report();
 * r.ok();                               // false
 * System.out.println(r.toText());       // one line per column, grouped by slot
 * r.toJson();                           // the same as JSON
 * }</pre>
 *
 * @param schema the schema name
 * @param schemaUid the schema uid
 * @param otype the dataset's object type ({@code DataFrame}, {@code AnnData}, ...)
 * @param slots one entry per validated slot, in schema order
 * @param elements the dataset's elements that are registered but not validated (SpatialData images,
 *     labels, points, shapes with their shapes)
 */
public record ValidationReport(
    String schema, String schemaUid, String otype, List<Slot> slots, List<String> elements) {

  /** Copies the lists. */
  public ValidationReport {
    slots = List.copyOf(slots);
    elements = List.copyOf(elements);
  }

  /** Status of a column that passed. */
  public static final String OK = "ok";

  /** Status of a required member that is absent. */
  public static final String MISSING = "missing";

  /** Status of a column that is not a member of a maximal schema. */
  public static final String EXTRA = "extra";

  /** Status of a column that matches no feature and is not validated (not an error). */
  public static final String IGNORED = "ignored";

  /** Status of a column whose values do not have the feature's dtype. */
  public static final String DTYPE = "dtype";

  /** Status of a column with nulls whose feature is not nullable. */
  public static final String NULLS = "nulls";

  /** Status of a categorical column with values that are not in the registry. */
  public static final String NOT_VALIDATED = "not validated";

  /**
   * One validated part of the dataset.
   *
   * @param slot the slot ({@code columns} for a DataFrame, {@code obs}, {@code var.T}, {@code
   *     rna:obs}, {@code tables:table:obs}, {@code attrs}, ...)
   * @param schema the name of the slot's schema
   * @param itype the slot schema's identifier type
   * @param columns per column or key, in dataset order (missing members first)
   * @param problems LaminDB's error messages for this slot (empty when it passed)
   */
  public record Slot(
      String slot, String schema, String itype, List<Column> columns, List<String> problems) {
    /** Copies the lists. */
    public Slot {
      columns = List.copyOf(columns);
      problems = List.copyOf(problems);
    }

    /**
     * @return true when the slot passed
     */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * One column, dict key or identifier index.
   *
   * @param name the column name
   * @param feature the feature (or itype) it is validated against, or null
   * @param dtype the expected dtype, or null
   * @param status {@link #OK}, {@link #MISSING}, {@link #EXTRA}, {@link #IGNORED}, {@link #DTYPE},
   *     {@link #NULLS} or {@link #NOT_VALIDATED}
   * @param nulls number of null values
   * @param detail the dtype found, or another short explanation; null when none
   * @param nValues number of distinct non-null values checked against a registry (0 otherwise)
   * @param nonValidated distinct values not in the registry, in order of appearance
   * @param synonyms non-validated values that a synonym or other casing maps to a registry name
   */
  public record Column(
      String name,
      String feature,
      String dtype,
      String status,
      long nulls,
      String detail,
      long nValues,
      List<String> nonValidated,
      Map<String, String> synonyms) {
    /** Copies the collections. */
    public Column {
      nonValidated = List.copyOf(nonValidated);
      synonyms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(synonyms));
    }

    /**
     * @return true unless the column failed
     */
    public boolean ok() {
      return status.equals(OK) || status.equals(IGNORED);
    }
  }

  /**
   * @return true when every slot passed
   */
  public boolean ok() {
    return slots.stream().allMatch(Slot::ok);
  }

  /**
   * @return every problem message, slot by slot
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    slots.forEach(s -> out.addAll(s.problems()));
    return out;
  }

  /**
   * @return the slot named {@code slot}
   * @throws IllegalArgumentException when the report has no such slot
   */
  public Slot slot(String slot) {
    return slots.stream()
        .filter(s -> s.slot().equals(slot))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no slot '"
                        + slot
                        + "' in this report; slots: "
                        + slots.stream().map(Slot::slot).toList()));
  }

  /**
   * @return the report as text: a header, then per slot one line per column, then the problems
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(otype)
        .append(" validated against schema '")
        .append(schema)
        .append("' (")
        .append(schemaUid)
        .append("): ")
        .append(ok() ? "passed" : "failed")
        .append('\n');
    for (Slot s : slots) {
      b.append("slot ")
          .append(s.slot())
          .append(" (schema ")
          .append(s.schema() == null ? "(unnamed)" : s.schema())
          .append(s.itype() == null ? "" : ", itype " + s.itype())
          .append("): ")
          .append(s.ok() ? "passed" : "failed")
          .append('\n');
      for (Column c : s.columns()) {
        b.append("  ").append(c.ok() ? "✓ " : "✗ ").append(String.format("%-24s", c.name()));
        b.append(' ').append(String.format("%-18s", c.dtype() == null ? "" : c.dtype()));
        b.append(' ').append(c.status());
        if (c.nValues() > 0) {
          b.append(", ").append(c.nValues()).append(" distinct");
        }
        if (c.nulls() > 0) {
          b.append(", ").append(c.nulls()).append(" null");
        }
        if (c.detail() != null) {
          b.append(" (").append(c.detail()).append(')');
        }
        if (!c.nonValidated().isEmpty()) {
          List<String> shown = c.nonValidated().subList(0, Math.min(10, c.nonValidated().size()));
          b.append(": ").append(quote(shown));
          if (shown.size() < c.nonValidated().size()) {
            b.append(", ... (").append(c.nonValidated().size()).append(" in all)");
          }
        }
        c.synonyms()
            .forEach(
                (k, v) ->
                    b.append("\n      synonym \"")
                        .append(k)
                        .append("\" → \"")
                        .append(v)
                        .append('"'));
        b.append('\n');
      }
    }
    if (!elements.isEmpty()) {
      b.append("elements (registered, not validated):\n");
      elements.forEach(e -> b.append("  ").append(e).append('\n'));
    }
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      b.append("problems:\n");
      problems.forEach(p -> b.append(p).append('\n'));
    }
    return b.toString().stripTrailing();
  }

  private static String quote(List<String> values) {
    List<String> q = new ArrayList<>();
    values.forEach(v -> q.add("'" + v + "'"));
    return String.join(", ", q);
  }

  /**
   * @return the report as JSON: {@code schema}, {@code schema_uid}, {@code otype}, {@code ok},
   *     {@code slots} (each with {@code slot}, {@code schema}, {@code itype}, {@code ok}, {@code
   *     columns}, {@code problems}) and {@code elements}
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", schema);
    m.put("schema_uid", schemaUid);
    m.put("otype", otype);
    m.put("ok", ok());
    List<Object> ss = new ArrayList<>();
    for (Slot s : slots) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("slot", s.slot());
      sm.put("schema", s.schema());
      sm.put("itype", s.itype());
      sm.put("ok", s.ok());
      List<Object> cs = new ArrayList<>();
      for (Column c : s.columns()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("name", c.name());
        cm.put("feature", c.feature());
        cm.put("dtype", c.dtype());
        cm.put("status", c.status());
        cm.put("nulls", c.nulls());
        cm.put("detail", c.detail());
        cm.put("n_values", c.nValues());
        cm.put("non_validated", c.nonValidated());
        cm.put("synonyms", c.synonyms());
        cs.add(cm);
      }
      sm.put("columns", cs);
      sm.put("problems", s.problems());
      ss.add(sm);
    }
    m.put("slots", ss);
    m.put("elements", elements);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
