package org.lamindb.internal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lamindb.storage.StorageFiles;

/**
 * File-system helpers of core's local backend and cache: the public {@link StorageFiles} (progress,
 * temporary siblings, atomic replacement, listings) plus in-kernel file and folder copies.
 */
public final class LocalFiles extends StorageFiles {

  private static final long TRANSFER_STEP = 16L << 20;

  private LocalFiles() {}

  /**
   * Copies a regular file with in-kernel transfers where the platform has them.
   *
   * @param source regular file
   * @param target file to create or truncate
   * @param progress counts bytes; updated at least once per file
   */
  public static void copyFile(Path source, Path target, Progress progress) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      long position = 0;
      while (position < size) {
        long step = Math.min(TRANSFER_STEP, size - position);
        long n = in.transferTo(position, step, out);
        if (n <= 0) {
          // transferTo may move nothing on some channels; fall back to a buffered copy of this step
          n = copyBuffered(in, position, step, out);
        }
        position += n;
        progress.add(n);
      }
      if (size == 0) {
        progress.add(0);
      }
    }
  }

  /**
   * Copies a folder file by file into {@code target}, which must not exist.
   *
   * @param source folder
   * @param target folder to create
   * @param progress counts bytes over all files
   */
  public static void copyTree(Path source, Path target, Progress progress) throws IOException {
    Files.createDirectories(target);
    for (Path file : regularFiles(source)) {
      Path destination = target.resolve(source.relativize(file).toString());
      Files.createDirectories(destination.getParent());
      copyFile(file, destination, progress);
    }
  }

  /**
   * @return total size of the regular files below {@code dir}
   */
  public static long treeSize(Path dir) throws IOException {
    long size = 0;
    for (Path p : regularFiles(dir)) {
      size += Files.size(p);
    }
    return size;
  }

  private static long copyBuffered(FileChannel in, long position, long length, FileChannel out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(STREAM_BUFFER, length));
    long done = 0;
    while (done < length) {
      buffer.clear();
      if (length - done < buffer.capacity()) {
        buffer.limit((int) (length - done));
      }
      int n = in.read(buffer, position + done);
      if (n < 0) {
        throw new IOException("file shrank while being copied");
      }
      buffer.flip();
      long at = position + done;
      while (buffer.hasRemaining()) {
        at += out.write(buffer, at);
      }
      done += n;
    }
    return done;
  }
}
