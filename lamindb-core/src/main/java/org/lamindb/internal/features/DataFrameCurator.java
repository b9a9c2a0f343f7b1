package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * LaminDB's {@code DataFrameCurator} for Tablesaw tables (spec §8.4): validates the columns that
 * match a schema's features (dtype with optional coercion, nullability, categorical membership)
 * and, once the artifact is saved, annotates it: labels linked with their feature, the inferred
 * {@code columns} schema linked through {@code lamindb_artifactschema}, {@code artifact.schema}
 * set.
 */
public final class DataFrameCurator {
  /** LaminDB's {@code ln.settings.annotation.n_max_records}. */
  static final int N_MAX_RECORDS = 1000;

  /** The slot of a DataFrame's columns. */
  public static final String COLUMNS = "columns";

  private DataFrameCurator() {}

  /**
   * A successful validation, kept by the unsaved artifact until it is saved.
   *
   * @param schema the validating schema
   * @param features the validated features in column order
   * @param slot the slot named in messages ({@code obs}), or null for a DataFrame
   * @param labels per categorical feature, its distinct values in order of appearance
   */
  public record Result(
      Schema schema, String slot, List<Feature> features, Map<Feature, List<String>> labels)
      implements Curation {
    @Override
    public void annotate(Instance inst, Artifact a) {
      DataFrameCurator.annotate(inst, a, this, COLUMNS, schema);
    }
  }

  /**
   * Validates {@code table} against {@code schema}.
   *
   * @param inst the instance
   * @param table the table
   * @param schema a saved schema of itype {@code Feature}
   * @return what to annotate on save
   * @throws ValidationException listing every problem
   * @throws InvalidArgumentException when the schema cannot validate a DataFrame
   */
  public static Result validate(Instance inst, Table table, Schema schema) {
    return validate(inst, table, schema, null);
  }

  /**
   * Validates {@code table} as slot {@code slot} of a composite object.
   *
   * @param inst the instance
   * @param table the table
   * @param schema a saved schema of itype {@code Feature}
   * @param slot the slot named in categorical messages, or null
   * @return what to annotate on save
   * @throws ValidationException listing every problem
   */
  public static Result validate(Instance inst, Table table, Schema schema, String slot) {
    if (!schema.isSaved()) {
      throw new InvalidArgumentException("the schema must be saved before validating with it");
    }
    if (schema.otype() != null && !schema.otype().equals("DataFrame")) {
      throw new InvalidArgumentException(
          "schema '" + schema.name() + "' validates " + schema.otype() + ", not a DataFrame");
    }
    if (schema.itype() != null && !schema.itype().equals("Feature")) {
      throw new InvalidArgumentException(
          "a DataFrame schema has itype Feature, schema '"
              + schema.name()
              + "' has "
              + schema.itype());
    }
    TableSlot.Outcome o =
        TableSlot.validate(inst, table, schema, slot, slot == null ? COLUMNS : slot);
    List<String> problems = o.report().problems();
    if (!problems.isEmpty()) {
      throw new ValidationException(String.join("\n", problems), problems);
    }
    return o.result();
  }

  /**
   * Annotates a saved artifact with a validation result: categorical values become label links with
   * their feature (skipped above {@value #N_MAX_RECORDS} labels), the validated features form the
   * inferred {@code columns} schema (deduplicated by hash) linked via {@code
   * lamindb_artifactschema}, and {@code artifact.schema} is set to the validating schema.
   *
   * @param inst the instance
   * @param a the saved artifact
   * @param r the validation result
   * @param slot the slot of the inferred schema ({@code columns}, {@code obs})
   * @param artifactSchema the schema to set as {@code artifact.schema}, or null to leave it
   */
  static void annotate(Instance inst, Artifact a, Result r, String slot, Schema artifactSchema) {
    FeatureWriter writer = new FeatureWriter(inst, CoreRegistries.ARTIFACT);
    Map<Feature, List<String>> linkable = new LinkedHashMap<>();
    r.labels()
        .forEach(
            (f, values) -> {
              if (values.size() <= N_MAX_RECORDS) {
                linkable.put(f, values);
              }
            });
    List<FeatureWriter.Planned> plan =
        linkable.isEmpty() ? List.of() : writer.validate(Map.of(a.id(), linkable), null);
    Schema inferred = r.features().isEmpty() ? null : Schemas.create(inst, null, r.features());
    inst.db()
        .transaction(
            ctx -> {
              for (FeatureWriter.Planned p : plan) {
                writer.write(ctx, p);
              }
              if (artifactSchema != null) {
                setSchema(ctx, a, artifactSchema);
              }
              if (inferred != null) {
                linkSlot(inst, ctx, a, slot, inferred);
              }
              return null;
            });
  }

  /** Sets {@code artifact.schema}. */
  static void setSchema(org.jooq.DSLContext ctx, Artifact a, Schema schema) {
    ctx.update(DSL.table(DSL.name("lamindb_artifact")))
        .set(col("schema_id"), schema.id())
        .where(col("id").eq(a.id()))
        .execute();
    Access.values(a).put("schema_id", schema.id());
  }

  /** Links an inferred schema to the artifact's slot (update-or-create). */
  static void linkSlot(
      Instance inst, org.jooq.DSLContext ctx, Artifact a, String slot, Schema inferred) {
    var t = DSL.table(DSL.name("lamindb_artifactschema"));
    ctx.deleteFrom(t).where(col("artifact_id").eq(a.id())).and(col("slot").eq(slot)).execute();
    var insert =
        ctx.insertInto(t)
            .set(col("artifact_id"), a.id())
            .set(col("schema_id"), inferred.id())
            .set(col("slot"), slot)
            .set(col("created_by_id"), inst.userId());
    if (inst.currentRunId() != null) {
      insert = insert.set(col("run_id"), inst.currentRunId());
    }
    insert.execute();
  }

  /**
   * LaminDB's categorical error layout (spec §8.4), with the hint in Java.
   *
   * @return the message
   */
  static String notValidated(
      Instance inst, Feature f, ParsedDtype d, List<String> missing, String slot) {
    StringBuilder s = CatMessages.header(f, missing, slot);
    ParsedDtype.CatMember m = d.members().get(0);
    s.append("\n    → fix typos, remove non-existent values, or create objects via:\n\n  ");
    String factory = CatMessages.factory(m.registry());
    if (factory != null) {
      String type = m.typeUid() != null ? ".type(" + CatMessages.subtypeName(inst, m) + ")" : "";
      List<String> quoted = new ArrayList<>();
      missing.forEach(v -> quoted.add(javaString(v)));
      s.append("for (String name : List.of(")
          .append(String.join(", ", quoted))
          .append(")) ln.")
          .append(factory)
          .append("(name)")
          .append(type)
          .append(".save();");
    } else {
      s.append("the ").append(m.registry()).append(" registry (e.g. import its ontology)");
    }
    CatMessages.appendSubtypeHint(s, inst, m);
    return s.toString();
  }

  private static String javaString(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * @return the dtype error of a non-categorical column, or null when it fits (directly or, for
   *     features with {@code coerce}, after converting every value)
   */
  static String dtypeCheck(Feature f, ParsedDtype d, Column<?> col) {
    String simple = d.simple();
    ColumnType t = col.type();
    boolean ok =
        !d.list()
            && switch (simple) {
              case "int" ->
                  t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.SHORT;
              case "float" -> t == ColumnType.DOUBLE || t == ColumnType.FLOAT;
              case "num" ->
                  t == ColumnType.INTEGER
                      || t == ColumnType.LONG
                      || t == ColumnType.SHORT
                      || t == ColumnType.DOUBLE
                      || t == ColumnType.FLOAT;
              case "bool" -> t == ColumnType.BOOLEAN;
              case "str", "path", "url" -> t == ColumnType.STRING;
              case "date" -> t == ColumnType.LOCAL_DATE;
              case "datetime" -> t == ColumnType.LOCAL_DATE_TIME || t == ColumnType.INSTANT;
              default -> false;
            };
    if (ok) {
      return null;
    }
    String head =
        "Column '"
            + col.name()
            + "' failed dtype check for '"
            + f.dtypeString()
            + "': got "
            + pandasType(t);
    if (!Boolean.TRUE.equals(f.coerce())) {
      return head
          + "\n    → if the values can be converted, set the feature's coerce: ln.features()"
          + ".get(\"name\", "
          + javaString(f.name())
          + ").coerce(true).save();";
    }
    for (int i = 0; i < col.size(); i++) {
      if (col.isMissing(i)) {
        continue;
      }
      Object v = col.get(i);
      try {
        ValueConverter.convert(simple, d.list(), true, v);
      } catch (ValueConverter.Mismatch e) {
        return head + " (coerce failed: " + e.getMessage() + ")";
      }
    }
    return null;
  }

  /**
   * @return the pandas dtype a column of this type has, for messages as LaminDB prints them
   */
  static String pandasType(ColumnType t) {
    if (t == ColumnType.INTEGER) {
      return "int32";
    }
    if (t == ColumnType.LONG) {
      return "int64";
    }
    if (t == ColumnType.SHORT) {
      return "int16";
    }
    if (t == ColumnType.DOUBLE) {
      return "float64";
    }
    if (t == ColumnType.FLOAT) {
      return "float32";
    }
    if (t == ColumnType.BOOLEAN) {
      return "bool";
    }
    if (t == ColumnType.LOCAL_DATE || t == ColumnType.LOCAL_DATE_TIME) {
      return "datetime64[ns]";
    }
    if (t == ColumnType.INSTANT) {
      return "datetime64[ns, UTC]";
    }
    return "object";
  }
}
