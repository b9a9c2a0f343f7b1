package org.lamindb.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/** Delegates to Spark's Parquet reader factory and counts the files the tasks open. */
final class CountingReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;
  private final PartitionReaderFactory delegate;

  CountingReaderFactory(PartitionReaderFactory delegate) {
    this.delegate = delegate;
  }

  private static void count(InputPartition p) {
    if (p instanceof FilePartition fp) {
      ScanStats.FILES_OPENED.addAndGet(fp.files().length);
    }
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    count(partition);
    return delegate.createReader(partition);
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    count(partition);
    return delegate.createColumnarReader(partition);
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return delegate.supportColumnarReads(partition);
  }
}
