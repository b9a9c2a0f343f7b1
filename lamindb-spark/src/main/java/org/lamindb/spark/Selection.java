package org.lamindb.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import org.lamindb.query.QuerySet;

/**
 * A resolved {@code lamindb} read on the driver: the registry query of the options, its candidate
 * artifacts, their artifact-level feature values and the table schema (data columns, then {@code
 * artifact_uid} and the feature columns).
 */
final class Selection {
  final LaminDB ln;
  final Map<String, String> options;
  final Collection collection;
  final QuerySet<Artifact> query;
  final List<Members.Entry> candidates;
  final FeatureValues features;
  final StructType dataSchema;
  final StructType partitionSchema;
  private final Map<String, List<ScanFiles.File>> files = new ConcurrentHashMap<>();

  private Selection(
      LaminDB ln,
      Map<String, String> options,
      Collection collection,
      QuerySet<Artifact> query,
      List<Members.Entry> candidates,
      FeatureValues features,
      StructType dataSchema,
      StructType partitionSchema) {
    this.ln = ln;
    this.options = options;
    this.collection = collection;
    this.query = query;
    this.candidates = candidates;
    this.features = features;
    this.dataSchema = dataSchema;
    this.partitionSchema = partitionSchema;
  }

  /**
   * Resolves the options in the registry.
   *
   * @param userSchema the schema given with {@code .schema(...)}, or null
   */
  static Selection resolve(SparkSession spark, Map<String, String> options, StructType userSchema) {
    LaminDB ln = LaminSpark.instance(options);
    Collection c = Members.collection(ln, options);
    QuerySet<Artifact> qs = Members.query(ln, c, options);
    List<Members.Entry> candidates = Members.entries(qs.list());
    String featureOpt = Options.get(options, "features");
    List<String> featureNames =
        featureOpt == null || featureOpt.equals("*")
            ? null
            : featureOpt.isBlank() || featureOpt.equalsIgnoreCase("none")
                ? List.of()
                : List.of(featureOpt.split("\\s*,\\s*"));
    FeatureValues fv =
        candidates.isEmpty() ? new FeatureValues() : FeatureValues.load(ln, qs, featureNames);
    StructType data;
    if (userSchema != null) {
      data = withoutArtifactColumns(userSchema, fv);
    } else if (c != null && c.schema() != null && schemaFrom(c.schema()) != null) {
      data = schemaFrom(c.schema());
    } else {
      data = SchemaUnion.of(spark, ln, candidates);
    }
    if (data.getFieldIndex(RegistryFilters.UID_COLUMN).isDefined()) {
      throw new InvalidArgumentException(
          "the data already has a column '"
              + RegistryFilters.UID_COLUMN
              + "'; the lamindb source adds it: rename it in the files or read them with"
              + " spark.read().parquet(...)");
    }
    List<StructField> part = new ArrayList<>();
    part.add(new StructField(RegistryFilters.UID_COLUMN, DataTypes.StringType, false, meta()));
    FeatureValues kept = new FeatureValues();
    for (Map.Entry<String, DataType> f : fv.types.entrySet()) {
      if (data.getFieldIndex(f.getKey()).isDefined()) {
        continue; // a data column of the same name wins
      }
      part.add(new StructField(f.getKey(), f.getValue(), true, meta()));
      kept.types.put(f.getKey(), f.getValue());
    }
    kept.values.putAll(fv.values);
    return new Selection(
        ln,
        options,
        c,
        qs,
        candidates,
        kept,
        data,
        new StructType(part.toArray(StructField[]::new)));
  }

  private static Metadata meta() {
    return Metadata.empty();
  }

  private static StructType withoutArtifactColumns(StructType user, FeatureValues fv) {
    List<StructField> keep = new ArrayList<>();
    for (StructField f : user.fields()) {
      if (!f.name().equals(RegistryFilters.UID_COLUMN) && !fv.types.containsKey(f.name())) {
        keep.add(f);
      }
    }
    return new StructType(keep.toArray(StructField[]::new));
  }

  /**
   * @return the Spark schema of a LaminDB schema's features, or null when a dtype has no plain
   *     Spark equivalent
   */
  static StructType schemaFrom(Schema s) {
    List<Feature> members = s.members();
    if (members.isEmpty()) {
      return null;
    }
    List<StructField> fields = new ArrayList<>();
    for (Feature f : members) {
      String d = f.dtypeString() == null ? "" : f.dtypeString();
      DataType t =
          switch (d) {
            case "int" -> DataTypes.LongType;
            case "float", "num" -> DataTypes.DoubleType;
            case "bool" -> DataTypes.BooleanType;
            case "str" -> DataTypes.StringType;
            default -> d.startsWith("cat") ? DataTypes.StringType : null;
          };
      if (t == null) {
        return null;
      }
      fields.add(new StructField(f.name(), t, true, Metadata.empty()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * @return the full schema: data columns, then artifact columns
   */
  StructType schema() {
    StructType s = dataSchema;
    for (StructField f : partitionSchema.fields()) {
      s = s.add(f);
    }
    return s;
  }

  /**
   * @return the files of one candidate (resolved once)
   */
  List<ScanFiles.File> files(Members.Entry e) {
    return files.computeIfAbsent(e.uid(), k -> ScanFiles.of(ln, e));
  }

  static Configuration hadoopConf(SparkSession spark) {
    return spark.sessionState().newHadoopConf();
  }
}
