package org.lamindb.internal.features;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.Instance;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * Where labels and categorical feature values of a host (Artifact, Run, Record, Transform,
 * Collection) are linked (spec §1.7, §1.13): the link table, its host and value columns, whether it
 * has a {@code feature_id}, and which tracking columns (creator, run) an insert must fill.
 */
public final class LinkTables {
  private LinkTables() {}

  /** Tracking columns of a link table. */
  public enum Tracking {
    /** Django's auto M2M tables and Record value tables: ids only. */
    NONE,
    /** {@code created_at}, {@code created_by_id} (tables with a run as host or value). */
    USER,
    /** {@code created_at}, {@code created_by_id}, {@code run_id}. */
    USER_RUN
  }

  /**
   * One link table seen from a host.
   *
   * @param table table name
   * @param hostColumn column holding the host id
   * @param valueColumn column holding the label id
   * @param hasFeature whether rows carry a {@code feature_id}
   * @param tracking tracking columns to fill
   * @param target registry name of the labels
   */
  public record Link(
      String table,
      String hostColumn,
      String valueColumn,
      boolean hasFeature,
      Tracking tracking,
      String target) {}

  /**
   * @param inst the instance
   * @param host the host registry
   * @param target the label registry, e.g. {@code ULabel}, {@code bionty.CellType}
   * @return the feature-aware link table for categorical values of {@code target} on {@code host},
   *     or null
   */
  public static Link featureLink(Instance inst, RegistryDef host, String target) {
    RegistryDef t = inst.registries().get(target);
    if (t == null) {
      return null;
    }
    String m = simple(target).toLowerCase(java.util.Locale.ROOT);
    switch (host.name()) {
      case "Artifact":
        {
          if (target.contains(".")) {
            RelationDef rel = t.relation("artifacts").orElse(null);
            return rel == null
                ? null
                : new Link(
                    rel.linkTable(),
                    rel.linkTarget(),
                    rel.linkSource(),
                    true,
                    Tracking.USER_RUN,
                    target);
          }
          return switch (target) {
            case "ULabel", "Record", "Project", "Reference", "User" ->
                new Link(
                    "lamindb_artifact" + m,
                    "artifact_id",
                    m + "_id",
                    true,
                    Tracking.USER_RUN,
                    target);
            case "Run" ->
                new Link(
                    "lamindb_artifactrun", "artifact_id", "run_id", true, Tracking.USER, target);
            case "Artifact" ->
                new Link(
                    "lamindb_artifactartifact",
                    "artifact_id",
                    "value_id",
                    true,
                    Tracking.USER_RUN,
                    target);
            default -> null;
          };
        }
      case "Run":
        return switch (target) {
          case "Record" ->
              new Link("lamindb_runrecord", "run_id", "record_id", true, Tracking.USER, target);
          case "Artifact" ->
              new Link("lamindb_runartifact", "run_id", "artifact_id", true, Tracking.USER, target);
          default -> null;
        };
      case "Record":
        return switch (target) {
          case "Record",
              "ULabel",
              "User",
              "Run",
              "Artifact",
              "Collection",
              "Transform",
              "Reference",
              "Project" ->
              new Link("lamindb_record" + m, "record_id", "value_id", true, Tracking.NONE, target);
          default -> null;
        };
      default:
        return null;
    }
  }

  /**
   * @return all feature-aware link tables of {@code host} by label registry
   */
  public static Map<String, Link> featureLinks(Instance inst, RegistryDef host) {
    Map<String, Link> out = new LinkedHashMap<>();
    for (String r : inst.registries().keySet()) {
      Link l = featureLink(inst, host, r);
      if (l != null) {
        out.put(r, l);
      }
    }
    return out;
  }

  /**
   * @return the link of a many-to-many relation of {@code host} (e.g. {@code ulabels}, {@code
   *     parents})
   */
  public static Link relationLink(RegistryDef host, String relation) {
    RelationDef rel =
        host.relation(relation)
            .filter(r -> r.kind() == RelationDef.Kind.MANY)
            .orElseThrow(
                () ->
                    new org.lamindb.InvalidArgumentException(
                        host.name() + " has no label relation '" + relation + "'"));
    String t = rel.linkTable();
    Tracking tr;
    if (t.endsWith("_parents")
        || t.endsWith("_predecessors")
        || t.endsWith("_input_of_runs")
        || t.endsWith("_recreating_runs")
        || t.equals("lamindb_project_references")
        || t.startsWith("lamindb_record")
            && !t.equals("lamindb_record_parents")
            && rel.linkSource().equals("record_id")
            && rel.linkTarget().equals("value_id")) {
      tr = Tracking.NONE;
    } else if (rel.linkSource().equals("run_id") || rel.linkTarget().equals("run_id")) {
      tr = Tracking.USER;
    } else {
      tr = Tracking.USER_RUN;
    }
    boolean feature = FEATURE_AWARE.contains(t) || t.startsWith("bionty_artifact");
    return new Link(t, rel.linkSource(), rel.linkTarget(), feature, tr, rel.target());
  }

  private static final java.util.Set<String> FEATURE_AWARE =
      java.util.Set.of(
          "lamindb_artifactulabel",
          "lamindb_artifactrecord",
          "lamindb_artifactproject",
          "lamindb_artifactreference",
          "lamindb_artifactuser",
          "lamindb_artifactartifact",
          "lamindb_artifactrun",
          "lamindb_runrecord",
          "lamindb_runartifact",
          "lamindb_transformrecord",
          "lamindb_collectionulabel",
          "lamindb_collectionrecord",
          "lamindb_projectrecord",
          "lamindb_referencerecord");

  /** Inserts a link row unless an equal one exists. */
  public static void insert(
      Instance inst, DSLContext ctx, Link l, long host, long value, Long feature) {
    Map<Field<?>, Object> row = new LinkedHashMap<>();
    row.put(col(l.hostColumn()), host);
    row.put(col(l.valueColumn()), value);
    if (l.hasFeature()) {
      row.put(col("feature_id"), feature);
    }
    if (l.tracking() != Tracking.NONE) {
      row.put(col("created_by_id"), inst.userId());
    }
    if (l.tracking() == Tracking.USER_RUN && inst.currentRunId() != null) {
      row.put(col("run_id"), inst.currentRunId());
    }
    if (l.hasFeature() || l.table().equals("lamindb_collectionulabel")) {
      // partial unique indexes: check first, as ON CONFLICT cannot name them on every backend
      org.jooq.Condition same = col(l.hostColumn()).eq(host).and(col(l.valueColumn()).eq(value));
      if (l.hasFeature()) {
        same =
            same.and(feature == null ? col("feature_id").isNull() : col("feature_id").eq(feature));
      }
      if (ctx.fetchExists(DSL.table(DSL.name(l.table())), same)) {
        return;
      }
      ctx.insertInto(DSL.table(DSL.name(l.table()))).set(row).execute();
      return;
    }
    ctx.insertInto(DSL.table(DSL.name(l.table()))).set(row).onConflictDoNothing().execute();
  }

  private static String simple(String registry) {
    int dot = registry.indexOf('.');
    return dot < 0 ? registry : registry.substring(dot + 1);
  }
}
