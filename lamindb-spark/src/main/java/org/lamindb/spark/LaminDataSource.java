package org.lamindb.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code lamindb} Spark data source.
 *
 * <p>Read (DataSource V2): {@code spark.read().format("lamindb").option("instance",
 * "owner/name").option("collection", "key or uid")[.option("version", "0002")].load()} gives one
 * DataFrame over the member Parquet files plus an {@code artifact_uid} column and one column per
 * artifact-level feature; {@code .option("artifacts", "ulabels__name=treated;size__gt=1000")}
 * selects artifacts by registry lookups instead (or within the collection). Filters on the artifact
 * columns prune artifacts in the registry at planning time; the other filters and the column
 * selection go to Parquet's reader.
 *
 * <p>Write: {@code df.write().format("lamindb").option("instance", ..).option("key",
 * "results/scores.parquet")[.option("collection", "k")].mode("append").save()} writes Parquet
 * through Spark into a temporary prefix of the instance's storage and registers it as one folder
 * artifact, with a run whose inputs are the artifacts read in this JVM (see {@link LaminWriter}).
 */
public final class LaminDataSource
    implements TableProvider, DataSourceRegister, CreatableRelationProvider {
  private Selection resolved;
  private Map<String, String> resolvedFor;

  /** Creates the provider (Spark does it through the service loader). */
  public LaminDataSource() {}

  @Override
  public String shortName() {
    return "lamindb";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return selection(options.asCaseSensitiveMap(), null).schema();
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    // lazy: a write asks for the table too (to learn it cannot BATCH_WRITE) with write options
    return new LaminTable(tableName(properties), () -> selection(properties, schema));
  }

  private synchronized Selection selection(Map<String, String> options, StructType userSchema) {
    Map<String, String> key = new HashMap<>(options);
    if (resolved != null && key.equals(resolvedFor)) {
      if (userSchema == null || userSchema.equals(resolved.schema())) {
        return resolved;
      }
    }
    resolved = Selection.resolve(SparkSession.active(), options, userSchema);
    resolvedFor = key;
    return resolved;
  }

  private static String tableName(Map<String, String> o) {
    String c = Options.get(o, "collection");
    return "lamindb." + (c != null ? c : "artifacts[" + Options.get(o, "artifacts") + "]");
  }

  @Override
  public BaseRelation createRelation(
      SQLContext sqlContext,
      SaveMode mode,
      scala.collection.immutable.Map<String, String> parameters,
      Dataset<Row> data) {
    Map<String, String> options = new HashMap<>(CollectionConverters.asJava(parameters));
    LaminWriter.write(sqlContext.sparkSession(), data, options, mode);
    return new BaseRelation() {
      @Override
      public SQLContext sqlContext() {
        return sqlContext;
      }

      @Override
      public StructType schema() {
        return data.schema();
      }
    };
  }
}
