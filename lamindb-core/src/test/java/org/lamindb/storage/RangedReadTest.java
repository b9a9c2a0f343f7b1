package org.lamindb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.internal.storage.StorageBackends;

/** StorageBackend.open(key, offset, length): local positional reads and the default fallback. */
class RangedReadTest {
  @TempDir Path tmp;

  @Test
  void localAndDefaultRangedReadsReturnExactlyTheRange() throws Exception {
    Files.writeString(tmp.resolve("f.bin"), "0123456789", StandardCharsets.US_ASCII);
    StorageBackend local = StorageBackends.forRoot(tmp.toString(), Map.of());
    StorageBackend fallback = streamOnly(local);
    for (StorageBackend b : List.of(local, fallback)) {
      assertThat(read(b, 2, 3)).isEqualTo("234");
      assertThat(read(b, 8, 100)).isEqualTo("89");
      assertThat(read(b, 0, 0)).isEmpty();
      assertThat(read(b, 20, 5)).isEmpty();
    }
  }

  private static String read(StorageBackend b, long off, long len) throws IOException {
    try (InputStream in = b.open("f.bin", off, len)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** A backend with only the full-stream open, so the SPI default serves ranges. */
  private static StorageBackend streamOnly(StorageBackend d) {
    return new StorageBackend() {
      @Override
      public String root() {
        return d.root();
      }

      @Override
      public String type() {
        return d.type();
      }

      @Override
      public Optional<ObjectStat> stat(String key) throws IOException {
        return d.stat(key);
      }

      @Override
      public List<ObjectStat> list(String prefix) throws IOException {
        return d.list(prefix);
      }

      @Override
      public void upload(Path source, String key, TransferProgress progress) throws IOException {
        d.upload(source, key, progress);
      }

      @Override
      public void download(String key, Path target, TransferProgress progress) throws IOException {
        d.download(key, target, progress);
      }

      @Override
      public InputStream open(String key) throws IOException {
        return d.open(key);
      }

      @Override
      public void move(String fromKey, String toKey) throws IOException {
        d.move(fromKey, toKey);
      }

      @Override
      public void delete(String key) throws IOException {
        d.delete(key);
      }
    };
  }
}
