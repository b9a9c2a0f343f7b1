import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.internal.storage.LocalFiles;
import org.lamindb.internal.storage.LocalStorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * Storage benchmarks (issue 5, P2 and hashing): in one run, on one file of random bytes,
 *
 * <ul>
 *   <li>md5 of the whole file with {@code Hashing} versus {@code md5sum};
 *   <li>LaminDB's file hash ({@code sha1-fl} above 50 MiB: reads the first and last 50 MiB only);
 *   <li>{@code LocalStorageBackend.upload} (temp file + atomic rename) versus {@code cp}.
 * </ul>
 *
 * The file is read once before timing so every tool reads from the page cache; {@code sync} runs before each timed
 * copy. Medians of {@code rounds} alternating runs. Usage: {@code java -cp lamindb-core.jar StorageBench.java
 * <workdir> [sizeMiB=2048] [rounds=3]}.
 */
public class StorageBench {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "/tmp/lamindb-storage-bench");
    long size = (args.length > 1 ? Long.parseLong(args[1]) : 2048L) << 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Files.createDirectories(work);
    Path file = work.resolve("input-" + (size >> 20) + "MiB.bin");
    if (!Files.exists(file) || Files.size(file) != size) {
      writeRandom(file, size);
    }
    run("cat", file.toString()); // page cache warm-up, output discarded
    Path root = work.resolve("storage-root");
    Path cpTarget = work.resolve("cp-target.bin");
    LocalStorageBackend backend = new LocalStorageBackend(root);

    List<Double> md5sum = new ArrayList<>();
    List<Double> javaMd5 = new ArrayList<>();
    List<Double> laminHash = new ArrayList<>();
    List<Double> cp = new ArrayList<>();
    List<Double> upload = new ArrayList<>();
    String expected = null;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      String sum = run("md5sum", file.toString()).split("\\s+")[0];
      md5sum.add(seconds(t0));

      t0 = System.nanoTime();
      Hashing.FileHash whole = Hashing.hashFile(file, Long.MAX_VALUE);
      javaMd5.add(seconds(t0));
      String sumB64 = Hashing.hexToB64(sum);
      if (!sumB64.equals(whole.hash())) {
        throw new IllegalStateException("md5 mismatch: md5sum " + sumB64 + " vs " + whole.hash());
      }

      t0 = System.nanoTime();
      Hashing.FileHash lamin = Hashing.hashFile(file);
      laminHash.add(seconds(t0));
      expected = lamin.hash() + " (" + lamin.hashType() + ")";

      run("sync");
      t0 = System.nanoTime();
      run("cp", file.toString(), cpTarget.toString());
      cp.add(seconds(t0));
      Files.delete(cpTarget);

      run("sync");
      t0 = System.nanoTime();
      backend.upload(file, ".lamindb/bench.bin", TransferProgress.NONE);
      upload.add(seconds(t0));
      LocalFiles.deleteTree(root);
      run("sync");
    }
    double gib = size / (double) (1L << 30);
    System.out.printf("file: %s, %.2f GiB random bytes, %d rounds, medians%n", file, gib, rounds);
    System.out.printf("md5 whole file  md5sum          %6.2f s  %5.2f GiB/s%n", median(md5sum), gib / median(md5sum));
    System.out.printf(
        "md5 whole file  Hashing         %6.2f s  %5.2f GiB/s  (%.2fx md5sum's time)%n",
        median(javaMd5), gib / median(javaMd5), median(javaMd5) / median(md5sum));
    System.out.printf(
        "LaminDB hash    Hashing.hashFile %5.3f s  -> %s, reads 100 MiB%n", median(laminHash), expected);
    System.out.printf("copy            cp              %6.2f s  %5.2f GiB/s%n", median(cp), gib / median(cp));
    System.out.printf(
        "copy            LocalStorage    %6.2f s  %5.2f GiB/s  (%.2fx cp's time; target P2 <= 1.15x)%n",
        median(upload), gib / median(upload), median(upload) / median(cp));
    System.out.println("raw md5sum " + md5sum + " Hashing " + javaMd5 + " cp " + cp + " upload " + upload);
  }

  private static void writeRandom(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    try (FileChannel out =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long left = size;
      while (left > 0) {
        buffer.clear();
        while (buffer.remaining() >= 8) {
          buffer.putLong(random.nextLong());
        }
        buffer.flip();
        buffer.limit((int) Math.min(buffer.limit(), left));
        left -= out.write(buffer);
      }
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = command[0].equals("cat") ? new byte[0] : null;
    String text;
    if (out == null) {
      text = new String(p.getInputStream().readAllBytes());
    } else {
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      text = "";
    }
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + text);
    }
    return text;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
