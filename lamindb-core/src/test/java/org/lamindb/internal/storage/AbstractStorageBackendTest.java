package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * Behaviour every {@link StorageBackend} shares; one subclass per backend (local, S3, GCS).
 * Expected hashes are constants computed with OpenSSL (see {@link HashingTest} for the shell
 * helper).
 */
public abstract class AbstractStorageBackendTest {

  /** "hello world\n": printf 'hello world\n' | openssl md5 -binary | b64u. */
  protected static final String HELLO_MD5 = "b1kCrCNwJL3QwXbLkwY9xA";

  /** Folder holding files "a" and "b" (spec vector). */
  protected static final String AB_FOLDER_HASH = "YNCwyFw7rBegqZLBVEckCg";

  /** Scratch space for local files of one test. */
  @TempDir protected Path tmp;

  /** The backend under test, fresh for every test. */
  protected StorageBackend backend;

  /**
   * @param scratch a temporary folder the backend may use
   * @return a backend over an empty root
   */
  protected abstract StorageBackend createBackend(Path scratch) throws Exception;

  /**
   * @return true when {@link ObjectStat#hash()} carries the content md5 for single-part objects
   */
  protected abstract boolean statReportsMd5();

  /**
   * @return size of the large-file test (80 MiB unless a backend needs less)
   */
  protected long largeFileSize() {
    return 80L << 20;
  }

  /**
   * How a child JVM reaches this backend for the bounded-memory test: the root for {@link
   * StorageBackends#forRoot} and, per run, the settings (e.g. one run with multipart uploads and
   * one with a single streamed PUT). Empty when the backend exists only inside this JVM.
   */
  protected Optional<String> childJvmRoot() {
    return Optional.empty();
  }

  /**
   * @return settings variants for {@link #childJvmRoot()}; one child JVM runs per entry
   */
  protected List<Map<String, String>> childJvmSettings() {
    return List.of(Map.of());
  }

  /**
   * @return extra JVM options for the child (e.g. credentials as system properties)
   */
  protected List<String> childJvmOptions() {
    return List.of();
  }

  /** Creates the backend. */
  @BeforeEach
  public void openBackend() throws Exception {
    Path scratch = tmp.resolve("backend");
    Files.createDirectories(scratch);
    backend = createBackend(scratch);
  }

  /** Closes the backend. */
  @AfterEach
  public void closeBackend() {
    if (backend != null) {
      backend.close();
    }
  }

  /** Writes a local file below {@link #tmp}. */
  protected Path local(String relative, String content) throws IOException {
    Path p = tmp.resolve("local").resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** Reads an object's content through {@link StorageBackend#open}. */
  protected String read(String key) throws IOException {
    try (InputStream in = backend.open(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes {@code size} bytes of a repeating, non-trivial pattern. */
  protected static Path patternFile(Path p, long size) throws IOException {
    byte[] block = new byte[1 << 20];
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) ((i * 31 + i / 4099) & 0xff);
    }
    Files.createDirectories(p.getParent());
    try (var out = Files.newOutputStream(p)) {
      long left = size;
      long blockNo = 0;
      while (left > 0) {
        block[0] = (byte) blockNo++;
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
    return p;
  }

  @Test
  public void uploadStatOpenDownloadRoundTrip() throws IOException {
    backend.upload(local("x.txt", "hello world\n"), "a/b/x.txt", TransferProgress.NONE);

    ObjectStat stat = backend.stat("a/b/x.txt").orElseThrow();
    assertThat(stat.key()).isEqualTo("a/b/x.txt");
    assertThat(stat.size()).isEqualTo(12);
    assertThat(stat.folder()).isFalse();
    assertThat(stat.lastModified()).isNotNull();
    if (statReportsMd5()) {
      assertThat(stat.hash()).isEqualTo(HELLO_MD5);
      assertThat(stat.hashType()).isEqualTo("md5");
    }
    assertThat(read("a/b/x.txt")).isEqualTo("hello world\n");

    Path target = tmp.resolve("down/deeper/x.txt");
    backend.download("a/b/x.txt", target, TransferProgress.NONE);
    assertThat(Files.readString(target)).isEqualTo("hello world\n");
    assertThat(Hashing.hashFile(target).hash()).isEqualTo(HELLO_MD5);
  }

  @Test
  public void missingObjects() throws IOException {
    assertThat(backend.stat("nothing/here.txt")).isEmpty();
    assertThat(backend.list("nothing")).isEmpty();
    assertThatThrownBy(() -> read("nothing/here.txt")).isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> backend.download("nothing/here.txt", tmp.resolve("d"), TransferProgress.NONE))
        .isInstanceOf(IOException.class);
    assertThat(tmp.resolve("d")).doesNotExist();
    backend.delete("nothing/here.txt");
  }

  @Test
  public void uploadReplacesContent() throws IOException {
    backend.upload(local("v1", "first version"), "k.txt", TransferProgress.NONE);
    backend.upload(local("v2", "second"), "k.txt", TransferProgress.NONE);
    assertThat(read("k.txt")).isEqualTo("second");
    assertThat(backend.stat("k.txt").orElseThrow().size()).isEqualTo(6);
  }

  @Test
  public void listIsRecursiveAndRespectsSegmentBoundaries() throws IOException {
    backend.upload(local("1", "1"), "f/one.txt", TransferProgress.NONE);
    backend.upload(local("2", "22"), "f/sub/two.txt", TransferProgress.NONE);
    backend.upload(local("3", "333"), "fx/three.txt", TransferProgress.NONE);
    backend.upload(local("4", "4444"), "top.txt", TransferProgress.NONE);

    assertThat(keys(backend.list("f"))).containsExactly("f/one.txt", "f/sub/two.txt");
    assertThat(keys(backend.list("f/sub/two.txt"))).containsExactly("f/sub/two.txt");
    assertThat(keys(backend.list("")))
        .containsExactlyInAnyOrder("f/one.txt", "f/sub/two.txt", "fx/three.txt", "top.txt");
    assertThat(backend.list("f").stream().mapToLong(ObjectStat::size).sum()).isEqualTo(3);
  }

  @Test
  public void foldersUploadStatListDownload() throws IOException {
    local("folder/a.txt", "a");
    local("folder/nested/deeper/b.txt", "b");
    backend.upload(tmp.resolve("local/folder"), "my.zarr", TransferProgress.NONE);

    ObjectStat stat = backend.stat("my.zarr").orElseThrow();
    assertThat(stat.folder()).isTrue();
    assertThat(stat.size()).isEqualTo(2);
    if (statReportsMd5()) {
      assertThat(stat.hash()).isEqualTo(AB_FOLDER_HASH);
      assertThat(stat.hashType()).isEqualTo("md5-d");
    }
    assertThat(keys(backend.list("my.zarr")))
        .containsExactly("my.zarr/a.txt", "my.zarr/nested/deeper/b.txt");

    Path down = tmp.resolve("down/my.zarr");
    backend.download("my.zarr", down, TransferProgress.NONE);
    assertThat(Files.readString(down.resolve("a.txt"))).isEqualTo("a");
    assertThat(Files.readString(down.resolve("nested/deeper/b.txt"))).isEqualTo("b");
    assertThat(Hashing.hashDir(down).hash()).isEqualTo(AB_FOLDER_HASH);
  }

  @Test
  public void folderUploadReplacesTheWholeTree() throws IOException {
    local("v1/x", "x1");
    local("v1/y", "y1");
    backend.upload(tmp.resolve("local/v1"), "tree", TransferProgress.NONE);
    local("v2/x", "x2");
    local("v2/z/z", "z2");
    backend.upload(tmp.resolve("local/v2"), "tree", TransferProgress.NONE);
    assertThat(keys(backend.list("tree"))).containsExactly("tree/x", "tree/z/z");
    assertThat(read("tree/x")).isEqualTo("x2");
  }

  @Test
  public void moveFilesAndFolders() throws IOException {
    backend.upload(local("m", "move me"), "from/m.txt", TransferProgress.NONE);
    backend.move("from/m.txt", "to/deep/m.txt");
    assertThat(backend.stat("from/m.txt")).isEmpty();
    assertThat(read("to/deep/m.txt")).isEqualTo("move me");

    local("mf/a", "a");
    local("mf/s/b", "b");
    backend.upload(tmp.resolve("local/mf"), "dir1", TransferProgress.NONE);
    backend.move("dir1", "dir2");
    assertThat(backend.list("dir1")).isEmpty();
    assertThat(keys(backend.list("dir2"))).containsExactly("dir2/a", "dir2/s/b");
    assertThatThrownBy(() -> backend.move("absent", "elsewhere")).isInstanceOf(IOException.class);
  }

  @Test
  public void deleteFilesFoldersAndMissingKeys() throws IOException {
    backend.upload(local("d1", "1"), "del/one", TransferProgress.NONE);
    backend.upload(local("d2", "2"), "del/sub/two", TransferProgress.NONE);
    backend.upload(local("d3", "3"), "keep/three", TransferProgress.NONE);
    backend.delete("del/one");
    assertThat(backend.stat("del/one")).isEmpty();
    backend.upload(local("d1", "1"), "del/one", TransferProgress.NONE);
    backend.delete("del");
    assertThat(backend.list("del")).isEmpty();
    assertThat(backend.stat("del")).isEmpty();
    assertThat(keys(backend.list(""))).containsExactly("keep/three");
    backend.delete("never/existed");
  }

  @Test
  public void largeFileStreamsWithProgress() throws IOException {
    long size = largeFileSize();
    Path big = patternFile(tmp.resolve("local/big.bin"), size);
    List<long[]> updates = new ArrayList<>();
    backend.upload(big, "large/big.bin", (done, total) -> updates.add(new long[] {done, total}));

    assertThat(updates).isNotEmpty();
    assertThat(updates.get(updates.size() - 1)).containsExactly(size, size);
    for (int i = 1; i < updates.size(); i++) {
      assertThat(updates.get(i)[0]).isGreaterThanOrEqualTo(updates.get(i - 1)[0]);
    }
    assertThat(backend.stat("large/big.bin").orElseThrow().size()).isEqualTo(size);

    Path down = tmp.resolve("down/big.bin");
    List<Long> downloaded = new ArrayList<>();
    backend.download("large/big.bin", down, (done, total) -> downloaded.add(done));
    assertThat(downloaded).isNotEmpty().last().isEqualTo(size);
    assertThat(Files.mismatch(big, down)).isEqualTo(-1L);
    Files.delete(down);

    try (InputStream in = backend.open("large/big.bin")) {
      byte[] head = in.readNBytes(4096);
      assertThat(head).hasSize(4096);
      assertThat(head[1]).isEqualTo((byte) 31);
    }
  }

  @Test
  public void largeTransfersFitInAHeapSmallerThanTheFile() throws Exception {
    Optional<String> root = childJvmRoot();
    Assumptions.assumeTrue(root.isPresent(), "backend lives only inside this JVM");
    long size = 96L << 20;
    Path big = patternFile(tmp.resolve("local/heap.bin"), size);
    int run = 0;
    for (Map<String, String> settings : childJvmSettings()) {
      Path down = tmp.resolve("down/heap-" + run + ".bin");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx64m");
      command.addAll(childJvmOptions());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(StorageTransferMain.class.getName());
      command.add(root.get());
      command.add("heap/run-" + run + ".bin");
      command.add(big.toString());
      command.add(down.toString());
      settings.forEach((k, v) -> command.add(k + "=" + v));
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor()).as(output).isZero();
      assertThat(output).contains("transferred " + size + " bytes with max heap");
      assertThat(Files.mismatch(big, down)).isEqualTo(-1L);
      Files.delete(down);
      run++;
    }
  }

  @Test
  public void failedUploadLeavesNoPartialObject() throws IOException {
    Path source = patternFile(tmp.resolve("local/fail.bin"), 3L << 20);
    TransferProgress failing =
        (done, total) -> {
          throw new IllegalStateException("simulated failure after " + done + " bytes");
        };

    assertThatThrownBy(() -> backend.upload(source, "atomic/new.bin", failing)).isNotNull();
    assertThat(backend.stat("atomic/new.bin")).isEmpty();
    assertThat(listAfterAbortedUpload("atomic")).isEmpty();

    backend.upload(local("old", "old content"), "atomic/existing.txt", TransferProgress.NONE);
    assertThatThrownBy(() -> backend.upload(source, "atomic/existing.txt", failing)).isNotNull();
    assertThat(read("atomic/existing.txt")).isEqualTo("old content");
    assertThat(keys(listAfterAbortedUpload("atomic"))).containsExactly("atomic/existing.txt");

    local("ff/a", "a");
    patternFile(tmp.resolve("local/ff/b.bin"), 1L << 20);
    assertThatThrownBy(() -> backend.upload(tmp.resolve("local/ff"), "atomic/folder", failing))
        .isNotNull();
    assertThat(listAfterAbortedUpload("atomic/folder")).isEmpty();
  }

  @Test
  public void failedDownloadLeavesNoPartialFile() throws IOException {
    backend.upload(
        patternFile(tmp.resolve("local/dl.bin"), 2L << 20), "dl.bin", TransferProgress.NONE);
    Path target = tmp.resolve("down/dl.bin");
    assertThatThrownBy(
            () ->
                backend.download(
                    "dl.bin",
                    target,
                    (done, total) -> {
                      throw new IllegalStateException("simulated");
                    }))
        .isNotNull();
    assertThat(target).doesNotExist();
    try (var files = Files.list(target.getParent())) {
      assertThat(files.collect(Collectors.toList())).isEmpty();
    }
  }

  @Test
  public void keysEscapingTheRootAreRejected() throws IOException {
    Path file = local("e", "escape");
    for (String key :
        new String[] {"../outside.txt", "a/../../outside.txt", "/etc/passwd", "a\\b", "a//b", ""}) {
      assertThatThrownBy(() -> backend.upload(file, key, TransferProgress.NONE))
          .as(key)
          .isInstanceOf(InvalidArgumentException.class);
      assertThatThrownBy(() -> backend.stat(key))
          .as(key)
          .isInstanceOf(InvalidArgumentException.class);
      assertThatThrownBy(() -> backend.open(key))
          .as(key)
          .isInstanceOf(InvalidArgumentException.class);
      assertThatThrownBy(() -> backend.delete(key))
          .as(key)
          .isInstanceOf(InvalidArgumentException.class);
      assertThatThrownBy(() -> backend.move("x", key))
          .as(key)
          .isInstanceOf(InvalidArgumentException.class);
    }
    assertThat(tmp.resolve("outside.txt")).doesNotExist();
  }

  @Test
  public void managedKeysBelowLamindbFolderWork() throws IOException {
    backend.upload(
        local("m.csv", "a,b\n1,2\n"), ".lamindb/AbCd1234EfGh5678IjKl.csv", TransferProgress.NONE);
    assertThat(read(".lamindb/AbCd1234EfGh5678IjKl.csv")).isEqualTo("a,b\n1,2\n");
    Optional<Path> path = backend.localPath(".lamindb/AbCd1234EfGh5678IjKl.csv");
    path.ifPresent(p -> assertThat(p).hasContent("a,b\n1,2\n"));
  }

  @Test
  public void cacheDownloadsOnlyWhenRemoteIsNewer() throws IOException {
    backend.upload(local("c.txt", "cached"), "c/c.txt", TransferProgress.NONE);
    Cache cache = new Cache(tmp.resolve("cache"));
    Path cached = cache.cache(backend, "c/c.txt");
    assertThat(cached).hasContent("cached");
    if (backend.localPath("c/c.txt").isPresent()) {
      return;
    }
    assertThat(cached).isEqualTo(cache.pathFor(backend.root(), "c/c.txt"));
    assertThat(cache.sync(backend, "c/c.txt", cached, TransferProgress.NONE)).isZero();
    Files.writeString(cached, "tampered but newer mtime is kept");
    Files.setLastModifiedTime(cached, Files.getLastModifiedTime(cached));
    // same size check fails -> re-download even though mtime is current
    assertThat(cache.sync(backend, "c/c.txt", cached, TransferProgress.NONE)).isEqualTo(1);
    assertThat(cached).hasContent("cached");

    local("cf/a", "a");
    local("cf/s/b", "b");
    backend.upload(tmp.resolve("local/cf"), "cf", TransferProgress.NONE);
    Path folder = cache.cache(backend, "cf");
    assertThat(Hashing.hashDir(folder).hash()).isEqualTo(AB_FOLDER_HASH);
    assertThat(cache.sync(backend, "cf", folder, TransferProgress.NONE)).isZero();
    Files.writeString(folder.resolve("stale"), "not remote");
    cache.sync(backend, "cf", folder, TransferProgress.NONE);
    assertThat(folder.resolve("stale")).doesNotExist();
  }

  /**
   * @return the keys of a listing, sorted
   */
  /**
   * Lists {@code prefix} once the backend's server has finished handling requests a client aborted
   * (a test fixture may still be writing a temporary object then); by default simply lists.
   */
  protected List<ObjectStat> listAfterAbortedUpload(String prefix) throws IOException {
    return backend.list(prefix);
  }

  protected static List<String> keys(List<ObjectStat> stats) {
    return stats.stream().map(ObjectStat::key).sorted().collect(Collectors.toList());
  }
}
