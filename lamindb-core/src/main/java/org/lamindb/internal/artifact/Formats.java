package org.lamindb.internal.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.spi.FormatProvider;

/** The {@link FormatProvider}s on the classpath, highest priority first. */
public final class Formats {
  private static volatile List<FormatProvider> providers;

  private Formats() {}

  /**
   * @return all providers, highest priority first
   */
  public static List<FormatProvider> providers() {
    if (providers == null) {
      List<FormatProvider> l = new ArrayList<>();
      ServiceLoader.load(FormatProvider.class, Formats.class.getClassLoader()).forEach(l::add);
      l.sort(Comparator.comparingInt(FormatProvider::priority).reversed());
      providers = List.copyOf(l);
    }
    return providers;
  }

  /** Loads a local file into {@code type} with the first provider that can. */
  public static <T> T load(Path path, String suffix, Class<T> type) {
    for (FormatProvider p : providers()) {
      if (p.canLoad(suffix)) {
        try {
          Optional<T> r = p.load(path, suffix, type);
          if (r.isPresent()) {
            return r.get();
          }
        } catch (IOException e) {
          throw new StorageException(
              "cannot load " + path + " as " + suffix + ": " + e.getMessage(), e);
        }
      }
    }
    throw new InvalidArgumentException(
        "there is no loader for '"
            + (suffix.isEmpty() ? "(no suffix)" : suffix)
            + "' files"
            + (type == Object.class ? "" : " into " + type.getSimpleName())
            + "; use cache() to get the path (add org.lamindb:lamindb-formats for AnnData, FASTA and more)");
  }

  /**
   * @return a lazy accessor for a local file from the first provider that has one, if any
   */
  public static Optional<AutoCloseable> open(Path path, String suffix) {
    for (FormatProvider p : providers()) {
      if (p.canLoad(suffix)) {
        try {
          Optional<AutoCloseable> r = p.open(path, suffix);
          if (r.isPresent()) {
            return r;
          }
        } catch (IOException e) {
          throw new StorageException(
              "cannot open " + path + " as " + suffix + ": " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * @return the concatenation of loaded objects by the first provider that concatenates them
   */
  public static Optional<Object> concat(
      List<Object> objects, List<String> keys, String label, boolean outerJoin) {
    for (FormatProvider p : providers()) {
      Optional<Object> r = p.concat(objects, keys, label, outerJoin);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /**
   * @return the provider that writes {@code data}, if any
   */
  public static Optional<FormatProvider> writerFor(Object data) {
    return providers().stream().filter(p -> p.canWrite(data)).findFirst();
  }

  /**
   * @return the curatable slots of an in-memory object or a file/store path, from the first
   *     provider (by priority) that knows them
   */
  public static Optional<FormatProvider.CurationSlots> curationSlots(Object data) {
    for (FormatProvider p : providers()) {
      Optional<FormatProvider.CurationSlots> s = p.curationSlots(data);
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  /**
   * @return what a provider reads from the file's metadata (otype, n_observations), if any
   */
  public static Optional<FormatProvider.FormatInfo> inspect(Path path, String suffix) {
    for (FormatProvider p : providers()) {
      try {
        Optional<FormatProvider.FormatInfo> i = p.inspect(path, suffix);
        if (i.isPresent()) {
          return i;
        }
      } catch (IOException e) {
        throw new StorageException(
            "cannot read " + path + " as " + suffix + ": " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }
}
