package org.lamindb.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;
import org.lamindb.model.Feature;
import org.lamindb.query.Include;
import org.lamindb.query.QuerySet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Artifact-level feature values of the selected artifacts, read in one registry query ({@code
 * toDataFrame(Include.FEATURES)}); they become constant columns of every row of their artifact and
 * filters on them prune artifacts in the registry.
 */
final class FeatureValues implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Feature name → Spark type, in column order. */
  final LinkedHashMap<String, DataType> types = new LinkedHashMap<>();

  /** Artifact uid → feature name → value (Long, Double, Boolean or String). */
  final Map<String, Map<String, Object>> values = new HashMap<>();

  /**
   * @param names the features to expose (null: every feature with a value among the artifacts)
   */
  static FeatureValues load(LaminDB ln, QuerySet<Artifact> qs, List<String> names) {
    FeatureValues fv = new FeatureValues();
    if (names != null && names.isEmpty()) {
      return fv;
    }
    Set<String> featureNames = new HashSet<>();
    for (Feature f : ln.features().list()) {
      featureNames.add(f.name());
    }
    if (featureNames.isEmpty()) {
      return fv;
    }
    Table t =
        qs.toDataFrame(
            names == null ? Include.FEATURES : Include.features(names.toArray(String[]::new)));
    StringColumn uids = t.stringColumn("uid");
    for (Column<?> c : t.columns()) {
      String name = c.name().startsWith("feature:") ? c.name().substring(8) : c.name();
      if (!featureNames.contains(name) || (!c.name().startsWith("feature:") && isField(c.name()))) {
        continue;
      }
      DataType type = type(c);
      fv.types.put(name, type);
      for (int i = 0; i < c.size(); i++) {
        Object v = c.isMissing(i) ? null : value(c, i, type);
        if (v != null) {
          fv.values.computeIfAbsent(uids.get(i), k -> new HashMap<>()).put(name, v);
        }
      }
    }
    return fv;
  }

  private static boolean isField(String name) {
    return List.of(
            "id",
            "uid",
            "key",
            "description",
            "suffix",
            "kind",
            "otype",
            "size",
            "hash",
            "n_files",
            "n_observations",
            "version_tag",
            "is_latest",
            "created_at",
            "updated_at")
        .contains(name);
  }

  private static DataType type(Column<?> c) {
    if (c instanceof LongColumn || c instanceof IntColumn || c instanceof ShortColumn) {
      return DataTypes.LongType;
    }
    if (c instanceof DoubleColumn || c instanceof FloatColumn) {
      return DataTypes.DoubleType;
    }
    if (c instanceof BooleanColumn) {
      return DataTypes.BooleanType;
    }
    return DataTypes.StringType;
  }

  private static Object value(Column<?> c, int i, DataType type) {
    Object v = c.get(i);
    if (type == DataTypes.LongType) {
      return ((Number) v).longValue();
    }
    if (type == DataTypes.DoubleType) {
      return ((Number) v).doubleValue();
    }
    if (type == DataTypes.BooleanType) {
      return v;
    }
    return v.toString();
  }

  /**
   * @return the names in column order
   */
  List<String> names() {
    return new ArrayList<>(types.keySet());
  }

  Object value(String artifactUid, String feature) {
    Map<String, Object> m = values.get(artifactUid);
    return m == null ? null : m.get(feature);
  }
}
