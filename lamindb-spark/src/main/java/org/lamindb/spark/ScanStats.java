package org.lamindb.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** JVM-wide counters of the lamindb source (local mode: driver and executors share them). */
final class ScanStats {
  /** Parquet footers read for schema inference. */
  static final AtomicLong FOOTERS_READ = new AtomicLong();

  /** Parquet files opened by scan tasks (one per split). */
  static final AtomicLong FILES_OPENED = new AtomicLong();

  /** The last planned scan. */
  static final AtomicReference<ScanReport> LAST = new AtomicReference<>();

  /** Artifact uids scanned per instance slug (the inputs of a later write in this JVM). */
  static final ConcurrentHashMap<String, Set<String>> READ_BY_INSTANCE = new ConcurrentHashMap<>();

  private ScanStats() {}

  static void recordRead(String slug, Iterable<String> uids) {
    Set<String> s = READ_BY_INSTANCE.computeIfAbsent(slug, k -> ConcurrentHashMap.newKeySet());
    for (String u : uids) {
      s.add(u);
    }
  }
}
