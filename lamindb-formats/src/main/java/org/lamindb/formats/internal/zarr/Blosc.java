package org.lamindb.formats.internal.zarr;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Decompression of Blosc 1 frames (the numcodecs {@code blosc} codec of zarr v2 and the {@code
 * blosc} codec of zarr v3), implemented from the published Blosc chunk format: a 16-byte header,
 * block offsets, and per block one or {@code typesize} compressed streams, then byte-unshuffle.
 * Internal codecs: lz4/lz4hc (lz4-java), zlib (JDK), zstd (zstd-jni); blosclz and snappy are
 * rejected with a message naming the codec.
 */
final class Blosc {
  private static final LZ4SafeDecompressor LZ4 =
      LZ4Factory.fastestJavaInstance().safeDecompressor();
  private static final String[] NAMES = {"blosclz", "lz4", "snappy", "zlib", "zstd"};

  private Blosc() {}

  /**
   * @param src a Blosc frame
   * @param maxBytes the largest decompressed size the caller accepts
   * @return the decompressed bytes
   * @throws IllegalStateException on a malformed frame or an unsupported internal codec
   */
  static byte[] decompress(byte[] src, long maxBytes) {
    if (src.length < 16) {
      throw new IllegalStateException("blosc frame shorter than its 16-byte header");
    }
    ByteBuffer h = ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN);
    int flags = src[2] & 0xff;
    int typesize = src[3] & 0xff;
    int nbytes = h.getInt(4);
    int blocksize = h.getInt(8);
    int cbytes = h.getInt(12);
    if (nbytes < 0 || nbytes > maxBytes) {
      throw new IllegalStateException(
          "blosc frame declares "
              + nbytes
              + " bytes, more than the "
              + maxBytes
              + " the chunk can hold");
    }
    if (cbytes > src.length || cbytes < 16) {
      throw new IllegalStateException(
          "blosc frame declares "
              + cbytes
              + " compressed bytes but has "
              + src.length
              + " (truncated)");
    }
    byte[] out = new byte[nbytes];
    if ((flags & 0x02) != 0) {
      if (16 + nbytes > src.length) {
        throw new IllegalStateException("blosc memcpy frame is truncated");
      }
      System.arraycopy(src, 16, out, 0, nbytes);
      return out;
    }
    if (nbytes == 0) {
      return out;
    }
    if (blocksize <= 0 || typesize == 0) {
      throw new IllegalStateException(
          "blosc frame with blocksize " + blocksize + ", typesize " + typesize);
    }
    if ((flags & 0x04) != 0) {
      throw new IllegalStateException(
          "blosc bit-shuffle is not supported; re-encode with byte shuffle");
    }
    int codec = flags >>> 5;
    if (codec != 1 && codec != 3 && codec != 4) {
      throw new IllegalStateException(
          "blosc internal codec '"
              + (codec < NAMES.length ? NAMES[codec] : "#" + codec)
              + "' is not supported (lz4, zlib and zstd are); re-encode the store");
    }
    boolean shuffle = (flags & 0x01) != 0 && typesize > 1;
    boolean dontSplit = (flags & 0x10) != 0;
    int nblocks = (int) ((nbytes + (long) blocksize - 1) / blocksize);
    if (16 + 4L * nblocks > cbytes) {
      throw new IllegalStateException("blosc block table is truncated");
    }
    byte[] tmp = new byte[blocksize];
    for (int b = 0; b < nblocks; b++) {
      int start = h.getInt(16 + 4 * b);
      int end = b + 1 < nblocks ? h.getInt(16 + 4 * (b + 1)) : cbytes;
      int bsize = Math.min(blocksize, nbytes - b * blocksize);
      boolean leftover = bsize < blocksize;
      if (start < 16 || start > cbytes || end > cbytes || end < start) {
        end = cbytes;
        if (start < 16 || start > cbytes) {
          throw new IllegalStateException("blosc block " + b + " starts outside the frame");
        }
      }
      int guess =
          !dontSplit && typesize <= 16 && !leftover && bsize / typesize >= 128 ? typesize : 1;
      int[] order = guess == 1 ? new int[] {1, typesize} : new int[] {typesize, 1};
      boolean ok = false;
      RuntimeException last = null;
      for (int nsplits : order) {
        if (nsplits < 1 || bsize % nsplits != 0) {
          continue;
        }
        try {
          decodeBlock(src, start, cbytes, codec, nsplits, tmp, bsize);
          ok = true;
          break;
        } catch (RuntimeException e) {
          last = e;
        }
      }
      if (!ok) {
        throw new IllegalStateException(
            "corrupt blosc block " + b + ": " + last.getMessage(), last);
      }
      if (shuffle) {
        unshuffle(tmp, bsize, typesize, out, b * blocksize);
      } else {
        System.arraycopy(tmp, 0, out, b * blocksize, bsize);
      }
    }
    return out;
  }

  private static void decodeBlock(
      byte[] src, int pos, int limit, int codec, int nsplits, byte[] dst, int bsize) {
    int neblock = bsize / nsplits;
    ByteBuffer h = ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN);
    for (int s = 0; s < nsplits; s++) {
      if (pos + 4 > limit) {
        throw new IllegalStateException("stream header beyond the frame");
      }
      int csize = h.getInt(pos);
      pos += 4;
      if (csize < 0 || pos + (long) csize > limit) {
        throw new IllegalStateException("stream of " + csize + " bytes beyond the frame");
      }
      int off = s * neblock;
      if (csize == neblock) {
        System.arraycopy(src, pos, dst, off, neblock);
      } else {
        int n = inflate(codec, src, pos, csize, dst, off, neblock);
        if (n != neblock) {
          throw new IllegalStateException(
              "stream decompressed to " + n + " bytes, expected " + neblock);
        }
      }
      pos += csize;
    }
  }

  private static int inflate(
      int codec, byte[] src, int off, int len, byte[] dst, int doff, int dlen) {
    switch (codec) {
      case 1:
        try {
          return LZ4.decompress(src, off, len, dst, doff, dlen);
        } catch (LZ4Exception e) {
          throw new IllegalStateException("lz4: " + e.getMessage(), e);
        }
      case 3:
        {
          Inflater inf = new Inflater();
          try {
            inf.setInput(src, off, len);
            int n = 0;
            while (n < dlen && !inf.finished()) {
              int k = inf.inflate(dst, doff + n, dlen - n);
              if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                break;
              }
              n += k;
            }
            return n;
          } catch (DataFormatException e) {
            throw new IllegalStateException("zlib: " + e.getMessage(), e);
          } finally {
            inf.end();
          }
        }
      default:
        {
          byte[] in = java.util.Arrays.copyOfRange(src, off, off + len);
          byte[] o = new byte[dlen];
          long n = Zstd.decompressByteArray(o, 0, dlen, in, 0, len);
          if (Zstd.isError(n)) {
            throw new IllegalStateException("zstd: " + Zstd.getErrorName(n));
          }
          System.arraycopy(o, 0, dst, doff, (int) n);
          return (int) n;
        }
    }
  }

  private static void unshuffle(byte[] src, int bsize, int typesize, byte[] out, int outOff) {
    int neles = bsize / typesize;
    for (int j = 0; j < typesize; j++) {
      int base = j * neles;
      for (int i = 0; i < neles; i++) {
        out[outOff + i * typesize + j] = src[base + i];
      }
    }
    int rest = bsize % typesize;
    if (rest > 0) {
      System.arraycopy(src, bsize - rest, out, outOff + bsize - rest, rest);
    }
  }
}
