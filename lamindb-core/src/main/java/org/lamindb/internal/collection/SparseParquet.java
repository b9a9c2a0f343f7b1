package org.lamindb.internal.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.StorageException;
import org.lamindb.internal.duckdb.DuckDb;
import org.lamindb.storage.StorageBackend;

/**
 * A sparse local copy of a remote Parquet file: a file of the object's full size in which only the
 * byte ranges fetched so far hold data (the footer, then the column chunks and bloom filters of the
 * columns queries referenced). DuckDB reads it like any local Parquet file and only ever touches
 * the footer and the chunks of the columns it projects, which are present. Row groups whose footer
 * statistics rule out the query's simple WHERE conjuncts ({@link RowGroupFilter}) are not fetched:
 * DuckDB skips them by the same statistics (and if it ever reads one, the table source fetches them
 * and runs the query again). Fetched ranges are recorded in a sidecar {@code <file>.ranges}
 * (written after the data is forced to disk), so the copy survives the process and a later query
 * fetches only what is still missing.
 */
final class SparseParquet implements TableFile.Stager {
  /** Bytes read from the end at first: the footer of a few row groups fits (else a second read). */
  private static final int TAIL = 16 * 1024;

  private static final int MIN_TAIL = 4 * 1024;

  /** Bytes fetched for a bloom filter whose length the footer does not record. */
  private static final int BLOOM = 64 * 1024;

  private static final long COALESCE_GAP = 16 * 1024;
  private static final Map<Path, SparseParquet> OPEN = new ConcurrentHashMap<>();

  /** A byte range of one column chunk (or its bloom filter), its column and row group. */
  private record Chunk(String column, long rowGroup, long offset, long length) {}

  private StorageBackend backend;
  private final String key;
  private final long size;
  private final Path path;
  private final Path rangesFile;
  private final TreeMap<Long, Long> present = new TreeMap<>();
  private List<Chunk> chunks;
  private Map<Long, Map<String, RowGroupFilter.Stats>> stats;
  private long fetched;
  private int lastSkipped;

  private SparseParquet(StorageBackend backend, String key, long size, Path path) {
    this.backend = backend;
    this.key = key;
    this.size = size;
    this.path = path;
    this.rangesFile = path.resolveSibling(path.getFileName() + ".ranges");
  }

  /**
   * @return the stager of the sparse copy at {@code path} (one per path in this process)
   */
  static SparseParquet of(StorageBackend backend, String key, long size, Path path) {
    SparseParquet s = OPEN.computeIfAbsent(path, p -> new SparseParquet(backend, key, size, p));
    synchronized (s) {
      s.backend = backend; // the latest open instance's backend (an earlier one may be closed)
    }
    return s;
  }

  @Override
  public synchronized void footer() {
    try {
      init();
      if (covered(size - 8, 8)) {
        return;
      }
      // a small file's footer is small: read about 1/32 of it (at least 4 KiB, at most 16 KiB)
      long tail = Math.min(size, Math.max(MIN_TAIL, Math.min(TAIL, size / 32)));
      byte[] end = fetch(size - tail, tail);
      ByteBuffer last = ByteBuffer.wrap(end, end.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
      long footerLen = last.getInt() & 0xffffffffL;
      byte[] magic = new byte[4];
      last.get(magic);
      if (!new String(magic, StandardCharsets.US_ASCII).equals("PAR1") || footerLen + 8 > size) {
        throw new StorageException(
            "object " + backend.root() + "/" + key + " is not a Parquet file (no PAR1 footer)");
      }
      write(size - tail, end);
      if (footerLen + 8 > tail) {
        long start = size - 8 - footerLen;
        write(start, fetch(start, size - tail - start));
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public synchronized void stage(Set<String> columns, List<SqlShape.Pred> where) {
    footer();
    try {
      List<Chunk> all = chunks();
      Set<Long> skipped = new java.util.HashSet<>();
      if (!where.isEmpty()) {
        for (Map.Entry<Long, Map<String, RowGroupFilter.Stats>> g : stats.entrySet()) {
          if (!RowGroupFilter.mayMatch(where, g.getValue())) {
            skipped.add(g.getKey());
          }
        }
      }
      lastSkipped = skipped.size();
      List<long[]> missing = new ArrayList<>();
      for (Chunk c : all) {
        if (!skipped.contains(c.rowGroup()) && (columns == null || wanted(c.column(), columns))) {
          missing.addAll(gaps(c.offset(), c.length()));
        }
      }
      missing.sort((x, y) -> Long.compare(x[0], y[0]));
      for (long[] r : coalesce(missing)) {
        write(r[0], fetch(r[0], r[1]));
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public synchronized int[] rowGroups() {
    return new int[] {lastSkipped, stats == null ? 0 : stats.size()};
  }

  @Override
  public synchronized long fetchedBytes() {
    return fetched;
  }

  @Override
  public long totalBytes() {
    return size;
  }

  /**
   * @return bytes of the object present in the local copy
   */
  synchronized long presentBytes() {
    return present.values().stream().mapToLong(Long::longValue).sum();
  }

  private static boolean wanted(String column, Set<String> columns) {
    String c = column.toLowerCase(Locale.ROOT);
    if (columns.contains(c)) {
      return true;
    }
    for (String w : columns) {
      if (c.startsWith(w + ", ") || c.startsWith(w + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Creates the sparse file, or loads the ranges recorded by an earlier process. */
  private void init() throws IOException {
    if (!present.isEmpty()) {
      return;
    }
    Files.createDirectories(path.getParent());
    boolean reuse = Files.exists(path) && Files.size(path) == size && Files.exists(rangesFile);
    if (reuse) {
      for (String line : Files.readAllLines(rangesFile, StandardCharsets.US_ASCII)) {
        String[] p = line.trim().split(" ");
        if (p.length == 2) {
          add(Long.parseLong(p[0]), Long.parseLong(p[1]));
        }
      }
      return;
    }
    Files.deleteIfExists(rangesFile);
    try (FileChannel ch =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      if (size > 0) {
        ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
      }
    }
  }

  private List<Chunk> chunks() throws IOException {
    if (chunks != null) {
      return chunks;
    }
    List<Chunk> out = new ArrayList<>();
    Map<Long, Map<String, RowGroupFilter.Stats>> st = new TreeMap<>();
    String sql =
        "SELECT path_in_schema, dictionary_page_offset, data_page_offset, total_compressed_size,"
            + " bloom_filter_offset, bloom_filter_length, row_group_id, type,"
            + " coalesce(stats_min_value, stats_min), coalesce(stats_max_value, stats_max)"
            + " FROM parquet_metadata("
            + DuckDb.literal(path.toAbsolutePath().toString())
            + ")";
    try (Connection conn = DuckDb.open();
        Statement stmt = conn.createStatement();
        ResultSet rs = stmt.executeQuery(sql)) {
      while (rs.next()) {
        String col = rs.getString(1);
        long dict = rs.getLong(2);
        boolean hasDict = !rs.wasNull() && dict > 0;
        long data = rs.getLong(3);
        long start = hasDict ? Math.min(dict, data) : data;
        long group = rs.getLong(7);
        out.add(new Chunk(col, group, start, rs.getLong(4)));
        long bloom = rs.getLong(5);
        boolean hasBloom = !rs.wasNull() && bloom > 0;
        long bloomLen = rs.getLong(6);
        if (hasBloom) {
          // files without a recorded length: fetch up to the next chunk conservatively (64 KiB)
          out.add(
              new Chunk(
                  col, group, bloom, bloomLen > 0 ? bloomLen : Math.min(BLOOM, size - bloom)));
        }
        Map<String, RowGroupFilter.Stats> g = st.computeIfAbsent(group, k -> new HashMap<>());
        if (!col.contains(", ") && !col.contains(".")) { // top-level columns only
          g.put(
              col.toLowerCase(Locale.ROOT),
              new RowGroupFilter.Stats(rs.getString(8), rs.getString(9), rs.getString(10)));
        }
      }
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read the Parquet footer of "
              + backend.root()
              + "/"
              + key
              + ": "
              + DuckDb.message(e),
          e);
    }
    stats = st;
    chunks = List.copyOf(out);
    return chunks;
  }

  private boolean covered(long offset, long length) {
    return gaps(offset, length).isEmpty();
  }

  /** The parts of [offset, offset+length) not present yet. */
  private List<long[]> gaps(long offset, long length) {
    List<long[]> out = new ArrayList<>();
    long pos = offset;
    long end = Math.min(size, offset + length);
    Map.Entry<Long, Long> e = present.floorEntry(pos);
    if (e != null && e.getKey() + e.getValue() > pos) {
      pos = e.getKey() + e.getValue();
    }
    for (Map.Entry<Long, Long> r : present.tailMap(pos, true).entrySet()) {
      if (pos >= end || r.getKey() >= end) {
        break;
      }
      if (r.getKey() > pos) {
        out.add(new long[] {pos, r.getKey() - pos});
      }
      pos = Math.max(pos, r.getKey() + r.getValue());
    }
    if (pos < end) {
      out.add(new long[] {pos, end - pos});
    }
    return out;
  }

  private static List<long[]> coalesce(List<long[]> sorted) {
    List<long[]> out = new ArrayList<>();
    for (long[] r : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r[0] <= last[0] + last[1] + COALESCE_GAP) {
        last[1] = Math.max(last[1], r[0] + r[1] - last[0]);
      } else {
        out.add(new long[] {r[0], r[1]});
      }
    }
    return out;
  }

  private byte[] fetch(long offset, long length) throws IOException {
    if (length > Integer.MAX_VALUE - 16) {
      throw new IOException("range of " + length + " bytes is too large to stage at once");
    }
    try (InputStream in = backend.open(key, offset, length)) {
      byte[] b = in.readNBytes((int) length);
      if (b.length != length) {
        throw new IOException(
            "short ranged read: " + b.length + " of " + length + " bytes at offset " + offset);
      }
      fetched += b.length;
      return b;
    }
  }

  private void write(long offset, byte[] data) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      long pos = offset;
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
      ch.force(false);
    }
    Files.writeString(
        rangesFile,
        offset + " " + data.length + "\n",
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    add(offset, data.length);
  }

  /** Records a present range, merging with neighbours. */
  private void add(long offset, long length) {
    long start = offset;
    long end = offset + length;
    Map.Entry<Long, Long> before = present.floorEntry(start);
    if (before != null && before.getKey() + before.getValue() >= start) {
      start = before.getKey();
      end = Math.max(end, before.getKey() + before.getValue());
      present.remove(before.getKey());
    }
    while (true) {
      Map.Entry<Long, Long> next = present.ceilingEntry(start);
      if (next == null || next.getKey() > end) {
        break;
      }
      end = Math.max(end, next.getKey() + next.getValue());
      present.remove(next.getKey());
    }
    present.put(start, end - start);
  }

  private StorageException failure(IOException e) {
    return new StorageException(
        "cannot stage byte ranges of "
            + backend.root()
            + "/"
            + key
            + " into "
            + path
            + ": "
            + e.getMessage(),
        e);
  }
}
