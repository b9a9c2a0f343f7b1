package org.lamindb.internal.features;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.FormatProvider;
import org.lamindb.spi.RegistryDef;
import tech.tablesaw.api.Table;

/**
 * LaminDB's {@code AnnDataCurator} (spec §8.4) for composite schemas of otype {@code AnnData} with
 * slots {@code obs} (a feature schema, validated like a DataFrame) and {@code var.T} (an identifier
 * schema such as {@code bionty.Gene.ensembl_gene_id}; unknown identifiers are tolerated unless the
 * schema is maximal). The identifier registry is found by name, so core needs no bionty classes.
 */
public final class AnnDataCurator {
  private AnnDataCurator() {}

  /**
   * A passed AnnData validation.
   *
   * @param schema the composite schema
   * @param obs the obs result, or null without an obs slot
   * @param varItype the var.T identifier type, or null without a var.T slot
   * @param varMatched how many distinct var identifiers are in the registry
   */
  public record Result(Schema schema, DataFrameCurator.Result obs, String varItype, long varMatched)
      implements Curation {
    @Override
    public void annotate(Instance inst, Artifact a) {
      if (obs != null) {
        DataFrameCurator.annotate(inst, a, obs, "obs", null);
      }
      Schema var =
          varItype != null && varMatched > 0
              ? Schemas.identifiers(inst, null, varItype, varMatched)
              : null;
      inst.db()
          .transaction(
              ctx -> {
                DataFrameCurator.setSchema(ctx, a, schema);
                if (var != null) {
                  DataFrameCurator.linkSlot(inst, ctx, a, "var.T", var);
                }
                return null;
              });
    }
  }

  /**
   * Validates an object's slots against a composite schema.
   *
   * @param inst the instance
   * @param slots the object's slots ({@code obs} → Table, {@code var.T} → List of identifiers)
   * @param schema a saved composite schema of otype {@code AnnData}
   * @return what to annotate on save
   * @throws org.lamindb.ValidationException listing every problem of the obs slot
   * @throws InvalidArgumentException for other schemas, unsupported slots or a missing registry
   */
  public static Result validate(Instance inst, FormatProvider.CurationSlots slots, Schema schema) {
    if (!schema.isSaved()) {
      throw new InvalidArgumentException("the schema must be saved before validating with it");
    }
    if (!slots.otype().equals(schema.otype())) {
      throw new InvalidArgumentException(
          "schema '"
              + schema.name()
              + "' validates "
              + (schema.otype() == null ? "DataFrames" : schema.otype())
              + ", not "
              + slots.otype());
    }
    Map<String, Schema> components = Schemas.components(inst, schema.id());
    if (components.isEmpty()) {
      throw new InvalidArgumentException(
          "schema '" + schema.name() + "' has no slots; an AnnData schema needs obs or var.T");
    }
    DataFrameCurator.Result obs = null;
    String varItype = null;
    long matched = 0;
    for (Map.Entry<String, Schema> c : components.entrySet()) {
      switch (c.getKey()) {
        case "obs" ->
            obs =
                DataFrameCurator.validate(
                    inst, (Table) slots.slots().get("obs"), c.getValue(), "obs");
        case "var.T" -> {
          varItype = c.getValue().itype();
          @SuppressWarnings("unchecked")
          List<String> ids = (List<String>) slots.slots().get("var.T");
          matched = countMatched(inst, varItype, ids);
        }
        default ->
            throw new InvalidArgumentException(
                "slot '" + c.getKey() + "' is not supported yet; AnnData slots: obs, var.T");
      }
    }
    return new Result(schema, obs, varItype, matched);
  }

  /**
   * @return how many distinct identifiers are values of the itype's registry field
   */
  static long countMatched(Instance inst, String itype, List<String> ids) {
    int dot = itype == null ? -1 : itype.lastIndexOf('.');
    RegistryDef r = dot < 0 ? null : inst.registries().get(itype.substring(0, dot));
    if (r == null) {
      throw new InvalidArgumentException(
          "slot 'var.T' validates "
              + itype
              + ": this instance has no "
              + (dot < 0 ? itype : itype.substring(0, dot))
              + " registry (enable the bionty module)");
    }
    String field = itype.substring(dot + 1);
    Set<String> distinct = new LinkedHashSet<>(ids);
    List<String> all = List.copyOf(distinct);
    Set<String> found = new LinkedHashSet<>();
    QuerySet<SQLRecord<?>> q = QuerySet.ofRegistry(inst.ln(), r);
    for (int i = 0; i < all.size(); i += 1000) {
      List<String> part = all.subList(i, Math.min(all.size(), i + 1000));
      for (Map<String, Object> row : q.filter(field + "__in", part).values(field)) {
        found.add(String.valueOf(row.get(field)));
      }
    }
    return found.size();
  }
}
