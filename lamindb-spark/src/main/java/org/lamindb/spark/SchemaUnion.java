package org.lamindb.spark;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;

/**
 * The data schema of a selection: the union of the members' Parquet footers, in first-seen column
 * order, every column nullable (absent in a file → null). A column with two types is an error
 * naming both artifacts. Footer schemas are cached per content hash, so one file's footer is read
 * at most once per JVM.
 */
final class SchemaUnion {
  private static final Map<String, StructType> BY_HASH = new ConcurrentHashMap<>();

  private SchemaUnion() {}

  /**
   * @param files per artifact, its files (the first file's footer stands for a folder's parts)
   */
  static StructType of(
      SparkSession spark, Map<Members.Entry, List<ScanFiles.File>> files, Configuration conf) {
    ParquetToSparkSchemaConverter converter =
        new ParquetToSparkSchemaConverter(spark.sessionState().conf());
    LinkedHashMap<String, StructField> out = new LinkedHashMap<>();
    Map<String, String> firstArtifact = new LinkedHashMap<>();
    for (Map.Entry<Members.Entry, List<ScanFiles.File>> e : files.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      Members.Entry a = e.getKey();
      String cacheKey = a.hash() == null ? null : a.hash() + "|" + e.getValue().size();
      StructType s = cacheKey == null ? null : BY_HASH.get(cacheKey);
      if (s == null) {
        s = footer(converter, e.getValue().get(0), conf, a);
        if (cacheKey != null) {
          BY_HASH.put(cacheKey, s);
        }
      }
      for (StructField f : s.fields()) {
        StructField seen = out.get(f.name());
        if (seen == null) {
          out.put(f.name(), new StructField(f.name(), f.dataType(), true, Metadata.empty()));
          firstArtifact.put(f.name(), a.uid());
        } else if (!seen.dataType().equals(f.dataType())) {
          throw new ValidationException(
              "column '"
                  + f.name()
                  + "' is "
                  + f.dataType().simpleString()
                  + " in artifact "
                  + a.uid()
                  + describeKey(a)
                  + " but "
                  + seen.dataType().simpleString()
                  + " in artifact "
                  + firstArtifact.get(f.name())
                  + "; cast one of them, or give the read a schema with .schema(...)",
              List.of(a.uid() + ": " + f.name()));
        }
      }
    }
    return new StructType(out.values().toArray(StructField[]::new));
  }

  private static String describeKey(Members.Entry a) {
    return a.key() == null ? "" : " (" + a.key() + ")";
  }

  private static StructType footer(
      ParquetToSparkSchemaConverter converter,
      ScanFiles.File file,
      Configuration conf,
      Members.Entry a) {
    ScanStats.FOOTERS_READ.incrementAndGet();
    try (ParquetFileReader r =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.uri()), conf))) {
      return converter.convert(r.getFooter().getFileMetaData().getSchema());
    } catch (IOException | RuntimeException e) {
      throw new StorageException(
          "cannot read the Parquet footer of artifact "
              + a.uid()
              + describeKey(a)
              + " at "
              + file.uri()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * @return {@code type} is usable as a constant (artifact-level) column
   */
  static boolean isAtomic(DataType type) {
    return type == DataTypes.StringType
        || type == DataTypes.LongType
        || type == DataTypes.DoubleType
        || type == DataTypes.BooleanType;
  }
}
