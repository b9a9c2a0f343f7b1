package org.lamindb.formats.internal.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.internal.StoreArray;

/**
 * zarr stores built byte by byte in the test (layouts from the zarr v2/v3 and Blosc
 * specifications), read through {@link ZarrStore}: v3 sharding with a crc32c index, v2 gzip/zlib,
 * Blosc memcpy and zlib frames, big-endian bytes, fill values for missing chunks, and clear errors
 * for unsupported codecs.
 */
class ZarrCodecsTest {
  @TempDir Path dir;

  private static byte[] intsLe(int from, int n) {
    ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putInt(from + i);
    }
    return b.array();
  }

  private void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private StoreArray array(Path store, String name) {
    return (StoreArray) ZarrStore.open(store).group("/").child(name);
  }

  @Test
  void v3ShardedArrayWithCrcIndex() throws IOException {
    // 4x4 int32 array = one shard of 2x2 inner chunks of 2x2; values are row*4+col
    Path store = dir.resolve("s.zarr");
    write(
        store.resolve("zarr.json"),
        "{\"zarr_format\":3,\"node_type\":\"group\",\"attributes\":{}}");
    write(
        store.resolve("a/zarr.json"),
        "{\"zarr_format\":3,\"node_type\":\"array\",\"shape\":[4,4],"
            + "\"data_type\":\"int32\",\"chunk_grid\":{\"name\":\"regular\",\"configuration\":{\"chunk_shape\":[4,4]}},"
            + "\"chunk_key_encoding\":{\"name\":\"default\",\"configuration\":{\"separator\":\"/\"}},"
            + "\"fill_value\":-1,\"codecs\":[{\"name\":\"sharding_indexed\",\"configuration\":{"
            + "\"chunk_shape\":[2,2],\"codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}}],"
            + "\"index_codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"crc32c\"}],"
            + "\"index_location\":\"end\"}}],\"attributes\":{}}");
    ByteArrayOutputStream shard = new ByteArrayOutputStream();
    ByteBuffer index = ByteBuffer.allocate(4 * 16).order(ByteOrder.LITTLE_ENDIAN);
    // inner chunk (1,1) is absent and must read as the fill value; write the others in reverse
    // order
    int[][] present = {{1, 0}, {0, 1}, {0, 0}};
    long[][] entries = new long[4][];
    for (int[] c : present) {
      ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      for (int r = 0; r < 2; r++) {
        for (int k = 0; k < 2; k++) {
          b.putInt((c[0] * 2 + r) * 4 + c[1] * 2 + k);
        }
      }
      entries[c[0] * 2 + c[1]] = new long[] {shard.size(), 16};
      shard.writeBytes(b.array());
    }
    for (long[] e : entries) {
      index.putLong(e == null ? -1 : e[0]).putLong(e == null ? -1 : e[1]);
    }
    CRC32C crc = new CRC32C();
    crc.update(index.array());
    shard.writeBytes(index.array());
    shard.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
    Files.createDirectories(store.resolve("a/c/0"));
    Files.write(store.resolve("a/c/0/0"), shard.toByteArray());

    int[] values = (int[]) array(store, "a").read();
    assertThat(values).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, 12, 13, -1, -1);
    assertThat((int[]) array(store, "a").readRows(1, 2)).containsExactly(4, 5, 6, 7, 8, 9, -1, -1);

    byte[] corrupt = shard.toByteArray();
    corrupt[corrupt.length - 10] ^= 0x55;
    Files.write(store.resolve("a/c/0/0"), corrupt);
    assertThatThrownBy(() -> array(store, "a").read())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("crc32c");
  }

  private Path v2(String compressor, String dtype, byte[] chunk) throws IOException {
    Path store = dir.resolve("v2-" + compressor.hashCode() + dtype.hashCode() + ".zarr");
    write(store.resolve(".zgroup"), "{\"zarr_format\":2}");
    write(
        store.resolve("a/.zarray"),
        "{\"zarr_format\":2,\"shape\":[10],\"chunks\":[6],\"dtype\":\""
            + dtype
            + "\",\"compressor\":"
            + compressor
            + ",\"fill_value\":7,\"filters\":null,\"order\":\"C\"}");
    Files.write(store.resolve("a/0"), chunk);
    return store;
  }

  @Test
  void v2GzipZlibBigEndianAndFill() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(intsLe(100, 6));
    }
    // chunk 1 is missing: its elements take fill_value 7
    assertThat(
            (int[]) array(v2("{\"id\":\"gzip\",\"level\":1}", "<i4", gz.toByteArray()), "a").read())
        .containsExactly(100, 101, 102, 103, 104, 105, 7, 7, 7, 7);
    Deflater d = new Deflater();
    d.setInput(intsLe(5, 6));
    d.finish();
    byte[] buf = new byte[256];
    int n = d.deflate(buf);
    assertThat(
            (int[])
                array(
                        v2("{\"id\":\"zlib\",\"level\":1}", "<i4", java.util.Arrays.copyOf(buf, n)),
                        "a")
                    .read())
        .startsWith(5, 6, 7, 8, 9, 10);
    ByteBuffer be = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < 6; i++) {
      be.putInt(i * 1000);
    }
    assertThat((int[]) array(v2("null", ">i4", be.array()), "a").read()).startsWith(0, 1000, 2000);
  }

  private static byte[] bloscHeader(
      int flags, int typesize, int nbytes, int blocksize, int cbytes) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 2).put((byte) 1).put((byte) flags).put((byte) typesize);
    b.putInt(nbytes).putInt(blocksize).putInt(cbytes);
    return b.array();
  }

  @Test
  void bloscMemcpyAndZlibFrames() throws IOException {
    byte[] raw = intsLe(40, 6);
    ByteArrayOutputStream memcpy = new ByteArrayOutputStream();
    memcpy.writeBytes(bloscHeader(0x02, 4, 24, 24, 40));
    memcpy.writeBytes(raw);
    assertThat(
            (int[])
                array(
                        v2(
                            "{\"id\":\"blosc\",\"cname\":\"lz4\",\"shuffle\":0}",
                            "<i4",
                            memcpy.toByteArray()),
                        "a")
                    .read())
        .startsWith(40, 41, 42, 43, 44, 45);

    // byte-shuffled, zlib (codec 3), one block, not split (flag 0x10)
    byte[] shuffled = new byte[24];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 4; j++) {
        shuffled[j * 6 + i] = raw[i * 4 + j];
      }
    }
    Deflater d = new Deflater();
    d.setInput(shuffled);
    d.finish();
    byte[] buf = new byte[256];
    int n = d.deflate(buf);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    int cbytes = 16 + 4 + 4 + n;
    frame.writeBytes(bloscHeader(0x01 | 0x10 | (3 << 5), 4, 24, 24, cbytes));
    frame.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(20).array());
    frame.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array());
    frame.write(buf, 0, n);
    assertThat(
            (int[])
                array(
                        v2(
                            "{\"id\":\"blosc\",\"cname\":\"zlib\",\"shuffle\":1}",
                            "<i4",
                            frame.toByteArray()),
                        "a")
                    .read())
        .startsWith(40, 41, 42, 43, 44, 45);

    byte[] blosclz = frame.toByteArray();
    blosclz[2] = (byte) (0x01 | 0x10);
    assertThatThrownBy(
            () ->
                array(
                        v2(
                            "{\"id\":\"blosc\",\"cname\":\"blosclz\",\"shuffle\":1}",
                            "<i4",
                            blosclz),
                        "a")
                    .read())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("blosclz");
  }

  @Test
  void unsupportedCodecIsNamed() throws IOException {
    Path store = v2("{\"id\":\"lzma\"}", "<i4", new byte[] {1, 2, 3});
    assertThatThrownBy(() -> array(store, "a").read())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("lzma");
  }

  @Test
  void fixedWidthUnicodeStrings() throws IOException {
    Path store = dir.resolve("u.zarr");
    write(store.resolve(".zgroup"), "{\"zarr_format\":2}");
    write(
        store.resolve("a/.zarray"),
        "{\"zarr_format\":2,\"shape\":[2],\"chunks\":[2],\"dtype\":\"<U3\","
            + "\"compressor\":null,\"fill_value\":\"\",\"filters\":null,\"order\":\"C\"}");
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    for (int cp : "abé".codePoints().toArray()) {
      b.putInt(cp);
    }
    b.putInt('x').putInt(0).putInt(0);
    Files.write(store.resolve("a/0"), b.array());
    assertThat((String[]) array(store, "a").read()).containsExactly("abé", "x");
    assertThat("abé".getBytes(StandardCharsets.UTF_8)).hasSize(4);
  }
}
