package org.lamindb.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.RepairOptions;
import org.lamindb.StorageException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.testing.Backend;
import org.lamindb.testing.FailingBackend;

/**
 * Saves that meet a full disk, read-only storage or a file changing while it is saved: a clear
 * error, no row, nothing left in storage, and the instance keeps working. Runs on local disk here
 * and on S3 in the storage module's subclass.
 */
public abstract class AbstractSaveFaultTest {
  @TempDir protected Path tmp;
  LaminDB ln;
  ArtifactFiles files;

  abstract Backend backend();

  /**
   * @return null for a local storage below the temp dir, else a storage URL
   */
  protected String storageRoot() {
    return null;
  }

  @BeforeEach
  void open() {
    String r = storageRoot();
    ln =
        Backend.setup(tmp)
            .init(backend().options(r == null ? tmp.resolve("storage").toString() : r, "faults"));
    files = ArtifactFiles.of(Access.instance(ln));
  }

  @AfterEach
  void close() {
    ln.close();
  }

  private Path file(String name, int size, long seed) throws Exception {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return Files.write(tmp.resolve(name), b);
  }

  private StorageBackend backendOf() {
    return files.backend(ln.storage().id(), ln.storage().root());
  }

  /** Nothing but the instance's own files below .lamindb/, no intents, no artifact rows. */
  private void assertNothingHalfWritten() throws Exception {
    List<String> left = new ArrayList<>();
    StorageBackend b = backendOf();
    var local = b.localPath(".lamindb");
    if (local.isPresent()) {
      try (var walk = Files.walk(local.get())) {
        walk.filter(Files::isRegularFile)
            .map(p -> local.get().relativize(p).toString())
            .filter(n -> !n.startsWith("lamin.db") && !n.equals("storage_uid.txt"))
            .forEach(left::add);
      }
    } else {
      for (ObjectStat o : b.list(".lamindb")) {
        if (!o.key().endsWith("storage_uid.txt")) {
          left.add(o.key());
        }
      }
    }
    assertThat(left).as("files left in storage").isEmpty();
    assertThat(ln.artifacts().count()).isZero();
    assertThat(ln.repair(RepairOptions.defaults().dryRun(true).grace(Duration.ZERO))).isEmpty();
  }

  private void assertWorksAfter(Path f) {
    Artifact a = ln.artifact(f).key("after/" + f.getFileName()).save();
    assertThat(Hashing.hashFile(Path.of(a.cache().toString())).hash()).isEqualTo(a.hash());
    Artifact again = ln.artifact(f).key("after/" + f.getFileName()).save();
    assertThat(again.uid()).isEqualTo(a.uid());
    assertThat(ln.artifacts().count()).isEqualTo(1);
  }

  private void withFailing(FailingBackend.Mode mode, Runnable r) {
    StorageBackend before =
        files.decorate(ln.storage().id(), ln.storage().root(), b -> new FailingBackend(b, mode));
    try {
      r.run();
    } finally {
      files.restore(ln.storage().id(), before);
    }
  }

  @Test
  void aFullDiskFailsTheSaveClearlyAndLeavesNothing() throws Exception {
    Path f = file("big.bin", 300_000, 1);
    withFailing(
        FailingBackend.Mode.DISK_FULL,
        () ->
            assertThatThrownBy(() -> ln.artifact(f).key("data/big.bin").save())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("nothing was saved"));
    assertNothingHalfWritten();
    assertWorksAfter(f);
  }

  @Test
  void readOnlyStorageFailsTheSaveClearlyAndLeavesNothing() throws Exception {
    Path f = file("ro.bin", 10_000, 2);
    withFailing(
        FailingBackend.Mode.READ_ONLY,
        () ->
            assertThatThrownBy(() -> ln.artifact(f).key("data/ro.bin").save())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Read-only file system")
                .hasMessageContaining("nothing was saved"));
    assertNothingHalfWritten();
    assertWorksAfter(f);
  }

  /** Overwrites bytes (same size) after hashing, right before the upload starts. */
  @Test
  void aFileRewrittenWhileSavedFailsInsteadOfRecordingAWrongHash() throws Exception {
    Path f = file("moving.bin", 20_000, 3);
    ln.onTransfer(
        (label, size) -> {
          if (label.startsWith("uploading")) {
            try (var ch = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
              ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          return org.lamindb.storage.TransferProgress.NONE;
        });
    assertThatThrownBy(() -> ln.artifact(f).key("data/moving.bin").save())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("changed while it was being saved")
        .hasMessageContaining("nothing was saved");
    ln.onTransfer((label, size) -> org.lamindb.storage.TransferProgress.NONE);
    assertNothingHalfWritten();
    assertWorksAfter(f);
  }

  /** Appends after hashing: the stored copy is longer than what was hashed. */
  @Test
  void aFileAppendedToWhileSavedFails() throws Exception {
    Path f = file("growing.bin", 20_000, 4);
    ln.onTransfer(
        (label, size) -> {
          if (label.startsWith("uploading")) {
            try {
              Files.write(f, new byte[4096], StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          return org.lamindb.storage.TransferProgress.NONE;
        });
    assertThatThrownBy(() -> ln.artifact(f).key("data/growing.bin").save())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("changed while it was being saved");
    ln.onTransfer((label, size) -> org.lamindb.storage.TransferProgress.NONE);
    assertNothingHalfWritten();
    assertWorksAfter(f);
  }
}
