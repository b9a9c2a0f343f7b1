package org.lamindb.internal.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lamindb.InvalidArgumentException;
import org.lamindb.curate.ValidationReport;
import org.lamindb.internal.artifact.Formats;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Schema;
import org.lamindb.spi.FormatProvider;
import tech.tablesaw.api.Table;

/**
 * The one validation engine behind {@code ln.curator(..)} and {@code artifact.schema(..)} (spec
 * §8.4): the dataset becomes slots ({@code columns} for a DataFrame; the format provider's slots
 * for AnnData, MuData and SpatialData, read without X), each slot of the schema is validated by the
 * slot kind (table, identifier list, dict) and the outcome is a {@link ValidationReport} plus what
 * to annotate on save.
 */
public final class CurationEngine {
  private CurationEngine() {}

  /**
   * The dataset as slots.
   *
   * @param otype its object type
   * @param slots its parts by slot name
   * @param elements described, not validated, parts
   */
  public record Data(String otype, Map<String, Object> slots, List<String> elements) {}

  /**
   * A validation's outcome.
   *
   * @param report the report
   * @param curation what to annotate on save (only when the report passed)
   * @param cats categorical lookups per slot and column
   */
  public record Outcome(
      ValidationReport report, Curation curation, Map<String, Map<String, TableSlot.Cat>> cats) {}

  /**
   * Turns a dataset into slots: a Tablesaw {@code Table}, an in-memory object of a format provider
   * (AnnData, MuData), or a {@link Path} (tables are loaded; AnnData/MuData/SpatialData stores give
   * their annotations only).
   *
   * @param dataset the dataset
   * @return its slots
   * @throws InvalidArgumentException when nothing can curate it
   */
  public static Data data(Object dataset) {
    if (dataset instanceof Table t) {
      return new Data(
          "DataFrame", new LinkedHashMap<>(Map.of(DataFrameCurator.COLUMNS, t)), List.of());
    }
    if (dataset instanceof Path p) {
      if (!Files.exists(p)) {
        throw new InvalidArgumentException("no file or folder at " + p.toAbsolutePath());
      }
      String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.matches(".*\\.(csv|tsv|parquet)(\\.gz)?")) {
        String suffix = name.substring(name.indexOf('.'));
        return data(Formats.load(p, suffix, Table.class));
      }
    }
    FormatProvider.CurationSlots s =
        Formats.curationSlots(dataset)
            .orElseThrow(
                () ->
                    new InvalidArgumentException(
                        "cannot curate "
                            + describe(dataset)
                            + ": pass a Tablesaw Table, an AnnData or MuData (lamindb-formats), or"
                            + " a path to a .csv, .parquet, .h5ad, .h5mu or .zarr store"));
    return new Data(s.otype(), new LinkedHashMap<>(s.slots()), s.elements());
  }

  private static String describe(Object o) {
    return o == null ? "null" : o instanceof Path p ? p.toString() : "a " + o.getClass().getName();
  }

  /**
   * Validates every slot of {@code schema}.
   *
   * @param inst the instance
   * @param data the dataset's slots
   * @param schema a saved schema
   * @return the outcome
   * @throws InvalidArgumentException for an unsaved schema or an otype mismatch (naming both)
   */
  public static Outcome run(Instance inst, Data data, Schema schema) {
    if (!schema.isSaved()) {
      throw new InvalidArgumentException("the schema must be saved before validating with it");
    }
    Map<String, Schema> components = Schemas.components(inst, schema.id());
    String want =
        schema.otype() != null ? schema.otype() : components.isEmpty() ? "DataFrame" : null;
    if (want == null || !want.equals(data.otype())) {
      throw new InvalidArgumentException(
          "schema '"
              + schema.name()
              + "' validates "
              + (want == null ? "no otype" : want.equals("DataFrame") ? "DataFrames" : want)
              + ", not "
              + data.otype()
              + (want == null ? "" : ": pass a " + want + " or a schema of otype " + data.otype()));
    }
    if (components.isEmpty()) {
      components = Map.of(DataFrameCurator.COLUMNS, schema);
    }
    List<ValidationReport.Slot> slots = new ArrayList<>();
    Map<String, Map<String, TableSlot.Cat>> cats = new LinkedHashMap<>();
    List<DataFrameCurator.Result> tables = new ArrayList<>();
    List<String[]> ids = new ArrayList<>();
    boolean dataFrame = data.otype().equals("DataFrame");
    for (Map.Entry<String, Schema> c : components.entrySet()) {
      String slot = c.getKey();
      Object part = resolve(data, slot);
      if (part == null) {
        slots.add(absent(data, slot, c.getValue()));
        continue;
      }
      String itype = c.getValue().itype();
      boolean features = itype == null || itype.equals("Feature");
      if (part instanceof Table t && features) {
        TableSlot.Outcome o =
            TableSlot.validate(inst, t, c.getValue(), dataFrame ? null : slot, slot);
        slots.add(o.report());
        cats.put(slot, o.cats());
        if (o.result() != null) {
          tables.add(o.result());
        }
      } else if (part instanceof Table t) {
        KeyedSlots.Ids o = KeyedSlots.identifiers(inst, t.columnNames(), c.getValue(), slot);
        slots.add(o.report());
        ids.add(new String[] {slot, o.itype(), String.valueOf(o.matched())});
      } else if (part instanceof List<?> l) {
        List<String> values = new ArrayList<>(l.size());
        l.forEach(v -> values.add(v == null ? null : String.valueOf(v)));
        KeyedSlots.Ids o = KeyedSlots.identifiers(inst, values, c.getValue(), slot);
        slots.add(xChecks(data, slot, c.getValue(), values.size(), o.report()));
        ids.add(new String[] {slot, o.itype(), String.valueOf(o.matched())});
      } else if (part instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) m;
        TableSlot.Outcome o = KeyedSlots.dict(inst, dict, c.getValue(), slot);
        slots.add(o.report());
        cats.put(slot, o.cats());
      } else {
        slots.add(
            problem(
                slot,
                c.getValue(),
                "slot '"
                    + slot
                    + "' holds a "
                    + part.getClass().getSimpleName()
                    + ", which cannot be validated"));
      }
    }
    ValidationReport report =
        new ValidationReport(schema.name(), schema.uid(), data.otype(), slots, data.elements());
    Curation curation = report.ok() ? new Composite(schema, dataFrame, tables, ids) : null;
    return new Outcome(report, curation, cats);
  }

  /**
   * @return the part of the dataset for {@code slot}: a direct slot, or a key inside a dict slot
   *     ({@code uns:<key>}, {@code attrs:<key>})
   */
  static Object resolve(Data data, String slot) {
    Object v = data.slots().get(slot);
    if (v == null) {
      int colon = slot.indexOf(':');
      if (colon > 0 && (slot.startsWith("uns:") || slot.startsWith("attrs:"))) {
        Object parent = resolve(data, slot.substring(0, colon));
        if (parent instanceof Map<?, ?> m) {
          v = m.get(slot.substring(colon + 1));
        }
      }
    }
    if (v instanceof Supplier<?> s) {
      v = s.get();
      data.slots().put(slot, v);
    }
    return v;
  }

  /**
   * The optional X checks of a {@code var.T} slot whose schema dtype is {@code int} (integer,
   * non-negative counts) or {@code float} (a float matrix): X statistics are streamed by the format
   * provider only then; the var count must equal the number of identifiers.
   */
  static ValidationReport.Slot xChecks(
      Data data, String slot, Schema s, int nIds, ValidationReport.Slot report) {
    String dtype = s.dtype();
    if (!slot.endsWith("var.T") || !("int".equals(dtype) || "float".equals(dtype))) {
      return report;
    }
    Object stats = resolve(data, slot.substring(0, slot.length() - "var.T".length()) + "X");
    if (!(stats instanceof Map<?, ?> x)) {
      return report;
    }
    List<String> problems = new ArrayList<>(report.problems());
    String xDtype = String.valueOf(x.get("dtype"));
    Object min = x.get("min");
    if ("int".equals(dtype)) {
      if (!Boolean.TRUE.equals(x.get("integer"))) {
        problems.add(
            "X has non-integer values ("
                + xDtype
                + "), but slot '"
                + slot
                + "' expects integer counts (dtype int)");
      }
      if (min instanceof Number n && n.doubleValue() < 0) {
        problems.add(
            "X has negative values (min "
                + n
                + "), but slot '"
                + slot
                + "' expects counts (dtype int)");
      }
    } else if (!xDtype.startsWith("float")) {
      problems.add(
          "X has dtype " + xDtype + ", but slot '" + slot + "' expects float (dtype float)");
    }
    long nVars = ((Number) x.get("n_vars")).longValue();
    if (nVars != nIds) {
      problems.add(
          "X has " + nVars + " variables but slot '" + slot + "' has " + nIds + " identifiers");
    }
    List<ValidationReport.Column> cols = new ArrayList<>(report.columns());
    cols.add(
        new ValidationReport.Column(
            "X",
            null,
            dtype,
            problems.size() == report.problems().size()
                ? ValidationReport.OK
                : ValidationReport.DTYPE,
            0,
            xDtype
                + ", "
                + x.get("n_obs")
                + " x "
                + nVars
                + ", min "
                + min
                + (Boolean.TRUE.equals(x.get("integer")) ? ", integer" : ""),
            0,
            List.of(),
            Map.of()));
    return new ValidationReport.Slot(
        report.slot(), report.schema(), report.itype(), cols, problems);
  }

  private static ValidationReport.Slot absent(Data data, String slot, Schema s) {
    return problem(
        slot,
        s,
        "slot '"
            + slot
            + "' is not in the "
            + data.otype()
            + "; its slots: "
            + String.join(", ", data.slots().keySet()));
  }

  private static ValidationReport.Slot problem(String slot, Schema s, String message) {
    return new ValidationReport.Slot(slot, s.name(), s.itype(), List.of(), List.of(message));
  }

  /** A passed validation: annotates tables, identifier slots and {@code artifact.schema}. */
  record Composite(
      Schema schema, boolean dataFrame, List<DataFrameCurator.Result> tables, List<String[]> ids)
      implements Curation {
    @Override
    public void annotate(Instance inst, Artifact a) {
      if (dataFrame && tables.size() == 1) {
        DataFrameCurator.annotate(inst, a, tables.get(0), DataFrameCurator.COLUMNS, schema);
        return;
      }
      for (DataFrameCurator.Result r : tables) {
        DataFrameCurator.annotate(
            inst, a, r, r.slot() == null ? DataFrameCurator.COLUMNS : r.slot(), null);
      }
      Map<String, Schema> inferred = new LinkedHashMap<>();
      for (String[] id : ids) {
        long matched = Long.parseLong(id[2]);
        if (matched > 0) {
          inferred.put(id[0], Schemas.identifiers(inst, null, id[1], matched));
        }
      }
      inst.db()
          .transaction(
              ctx -> {
                DataFrameCurator.setSchema(ctx, a, schema);
                inferred.forEach((slot, s) -> DataFrameCurator.linkSlot(inst, ctx, a, slot, s));
                return null;
              });
    }
  }
}
