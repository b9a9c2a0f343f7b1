package org.lamindb.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.paths.SparkPath;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetReadSupport;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;
import org.apache.spark.sql.execution.datasources.v2.parquet.ParquetPartitionReaderFactory;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.SerializableConfiguration;
import org.lamindb.LaminException;
import org.lamindb.model.Artifact;
import org.lamindb.query.QuerySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A planned read: the registry query with the pruning filters decides the artifacts (one SQL query,
 * no storage listing), each selected file becomes input partitions (one per split of at most {@code
 * spark.sql.files.maxPartitionBytes}; Parquet assigns row groups to splits by their midpoint), and
 * Spark's own vectorized Parquet reader reads them with the data filters and the required columns;
 * the artifact columns are constant per file, like Hive partition values.
 */
final class LaminScan implements Scan, Batch {
  private static final Logger LOG = LoggerFactory.getLogger(LaminScan.class);

  private final Selection selection;
  private final StructType readData;
  private final StructType readArtifact;
  private final List<Filter> artifactFilters;
  private final List<Filter> dataFilters;
  private InputPartition[] planned;
  private ScanReport report;

  LaminScan(
      Selection selection,
      StructType readData,
      StructType readArtifact,
      List<Filter> artifactFilters,
      List<Filter> dataFilters) {
    this.selection = selection;
    this.readData = readData;
    this.readArtifact = readArtifact;
    this.artifactFilters = artifactFilters;
    this.dataFilters = dataFilters;
  }

  @Override
  public StructType readSchema() {
    StructType s = readData;
    for (StructField f : readArtifact.fields()) {
      s = s.add(f);
    }
    return s;
  }

  @Override
  public String description() {
    return "LaminScan "
        + selection.ln.slug()
        + " artifactFilters="
        + artifactFilters
        + " dataFilters="
        + dataFilters;
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  /** Applies the pruning filters: registry lookups in one query, the rest on loaded values. */
  List<Members.Entry> select(List<String> registryDescr) {
    QuerySet<Artifact> qs = selection.query;
    List<Filter> inMemory = new ArrayList<>();
    boolean anyRegistry = false;
    for (Filter f : artifactFilters) {
      UnaryOperator<QuerySet<Artifact>> op = RegistryFilters.translate(f);
      QuerySet<Artifact> next = null;
      if (op != null) {
        try {
          next = op.apply(qs);
        } catch (LaminException e) {
          LOG.debug("filter {} is not a registry lookup here: {}", f, e.getMessage());
        }
      }
      if (next != null) {
        qs = next;
        anyRegistry = true;
        registryDescr.add(f.toString());
      } else {
        inMemory.add(f);
      }
    }
    Set<String> keep = null;
    if (anyRegistry) {
      keep = new HashSet<>();
      for (Map<String, Object> row : qs.values("uid")) {
        keep.add((String) row.get("uid"));
      }
    }
    List<Members.Entry> out = new ArrayList<>();
    for (Members.Entry e : selection.candidates) {
      if (keep != null && !keep.contains(e.uid())) {
        continue;
      }
      if (!inMemory.isEmpty()) {
        Map<String, Object> row = artifactRow(e.uid());
        boolean ok = true;
        for (Filter f : inMemory) {
          ok &= RegistryFilters.matches(f, row);
        }
        if (!ok) {
          continue;
        }
      }
      out.add(e);
    }
    return out;
  }

  private Map<String, Object> artifactRow(String uid) {
    Map<String, Object> row = new HashMap<>();
    row.put(RegistryFilters.UID_COLUMN, uid);
    for (String f : selection.features.types.keySet()) {
      row.put(f, selection.features.value(uid, f));
    }
    return row;
  }

  @Override
  public synchronized InputPartition[] planInputPartitions() {
    if (planned != null) {
      return planned;
    }
    long t0 = System.nanoTime();
    List<String> registryDescr = new ArrayList<>();
    List<Members.Entry> chosen = select(registryDescr);
    SparkSession spark = SparkSession.active();
    long maxSplit = spark.sessionState().conf().filesMaxPartitionBytes();
    List<PartitionedFile> splits = new ArrayList<>();
    scala.collection.immutable.Map<String, Object> noMetadata =
        scala.collection.immutable.Map$.MODULE$.empty();
    Set<String> read = new LinkedHashSet<>();
    for (Members.Entry e : chosen) {
      InternalRow values = partitionValues(e.uid());
      for (ScanFiles.File f : selection.files(e)) {
        long len = Math.max(f.length(), 0);
        long start = 0;
        do {
          long size = len <= 0 ? len : Math.min(maxSplit, len - start);
          PartitionedFile pf =
              new PartitionedFile(
                  values,
                  SparkPath.fromUrlString(f.uri()),
                  start,
                  len <= 0 ? Long.MAX_VALUE : size,
                  new String[0],
                  0L,
                  len,
                  noMetadata);
          splits.add(pf);
          start += Math.max(size, 1);
        } while (start < len);
      }
      read.add(e.uid());
    }
    ScanStats.recordRead(selection.ln.slug(), read);
    // small files are packed into one task up to maxPartitionBytes (open cost included), as Spark's
    // own file sources do; a large file is split, each split one task
    planned =
        CollectionConverters.asJava(
                FilePartition.getFilePartitions(
                    spark, CollectionConverters.asScala(splits).toSeq(), maxSplit))
            .toArray(InputPartition[]::new);
    List<String> parquet = new ArrayList<>();
    for (Filter f : dataFilters) {
      parquet.add(f.toString());
    }
    report =
        new ScanReport(
            selection.ln.slug(),
            selection.candidates.size(),
            chosen.size(),
            selection.candidates.size() - chosen.size(),
            splits.size(),
            List.copyOf(registryDescr),
            List.copyOf(parquet),
            System.nanoTime() - t0);
    ScanStats.LAST.set(report);
    LOG.info(
        "lamindb scan: {} of {} artifacts selected ({} pruned in the registry), {} splits in {}"
            + " tasks",
        chosen.size(),
        selection.candidates.size(),
        report.pruned(),
        splits.size(),
        planned.length);
    return planned;
  }

  private InternalRow partitionValues(String uid) {
    Object[] v = new Object[readArtifact.fields().length];
    int i = 0;
    for (StructField f : readArtifact.fields()) {
      Object raw =
          f.name().equals(RegistryFilters.UID_COLUMN)
              ? uid
              : selection.features.value(uid, f.name());
      v[i++] = internal(raw, f.dataType());
    }
    return new GenericInternalRow(v);
  }

  private static Object internal(Object raw, DataType t) {
    if (raw == null) {
      return null;
    }
    if (t == DataTypes.StringType) {
      return UTF8String.fromString(raw.toString());
    }
    if (t == DataTypes.LongType) {
      return ((Number) raw).longValue();
    }
    if (t == DataTypes.DoubleType) {
      return ((Number) raw).doubleValue();
    }
    return raw;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    SparkSession spark = SparkSession.active();
    SQLConf sql = spark.sessionState().conf();
    Configuration conf = Selection.hadoopConf(spark);
    String requested = readData.json();
    conf.set("parquet.read.support.class", ParquetReadSupport.class.getName());
    conf.set(ParquetReadSupport.SPARK_ROW_REQUESTED_SCHEMA(), requested);
    conf.set(ParquetWriteSupport.SPARK_ROW_SCHEMA(), requested);
    conf.set(SQLConf.SESSION_LOCAL_TIMEZONE().key(), sql.sessionLocalTimeZone());
    conf.setBoolean(
        SQLConf.NESTED_SCHEMA_PRUNING_ENABLED().key(), sql.nestedSchemaPruningEnabled());
    conf.setBoolean(SQLConf.CASE_SENSITIVE().key(), sql.caseSensitiveAnalysis());
    conf.setBoolean(SQLConf.PARQUET_BINARY_AS_STRING().key(), sql.isParquetBinaryAsString());
    conf.setBoolean(SQLConf.PARQUET_INT96_AS_TIMESTAMP().key(), sql.isParquetINT96AsTimestamp());
    conf.setBoolean(
        SQLConf.PARQUET_INFER_TIMESTAMP_NTZ_ENABLED().key(), sql.parquetInferTimestampNTZEnabled());
    conf.setBoolean(SQLConf.LEGACY_PARQUET_NANOS_AS_LONG().key(), sql.legacyParquetNanosAsLong());
    Broadcast<SerializableConfiguration> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(new SerializableConfiguration(conf));
    Map<String, String> opts = new HashMap<>();
    scala.collection.immutable.Map<String, String> scalaOpts =
        scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(opts));
    PartitionReaderFactory parquet =
        ParquetPartitionReaderFactory.apply(
            sql,
            broadcast,
            selection.dataSchema,
            readData,
            readArtifact,
            dataFilters.toArray(Filter[]::new),
            scala.Option.empty(),
            new ParquetOptions(scalaOpts, sql));
    return new CountingReaderFactory(parquet);
  }

  /**
   * @return the planning report (after {@link #planInputPartitions()})
   */
  ScanReport report() {
    return report;
  }
}
