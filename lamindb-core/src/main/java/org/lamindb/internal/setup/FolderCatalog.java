package org.lamindb.internal.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lamindb.LaminException;
import org.lamindb.internal.storage.StorageBackends;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/** A catalog in a folder or bucket prefix: one {@code <owner>/<name>.json} per instance. */
final class FolderCatalog extends Catalog {
  private final String uri;

  FolderCatalog(String uri) {
    this.uri = uri;
  }

  @Override
  public String uri() {
    return uri;
  }

  private StorageBackend backend() {
    try {
      return StorageBackends.forRoot(uri, Map.of());
    } catch (LaminException e) {
      throw unreachable(e);
    }
  }

  static String key(String owner, String name) {
    return owner + "/" + name + ".json";
  }

  @Override
  public String locationOf(String owner, String name) {
    return uri + "/" + key(owner, name);
  }

  @Override
  public void put(InstanceDescriptor d) {
    try (StorageBackend b = backend()) {
      Path tmp = Files.createTempFile("lamin-catalog-", ".json");
      try {
        Files.write(tmp, d.toJson());
        b.upload(tmp, key(d.owner(), d.name()), TransferProgress.NONE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof org.lamindb.InstanceException ie) {
        throw ie;
      }
      throw new org.lamindb.InstanceException(
          "cannot write " + locationOf(d.owner(), d.name()) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<InstanceDescriptor> get(String owner, String name) {
    String key = key(owner, name);
    try (StorageBackend b = backend()) {
      if (b.stat(key).isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = b.open(key)) {
        return Optional.of(InstanceDescriptor.fromJson(in.readAllBytes(), locationOf(owner, name)));
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof org.lamindb.InstanceException ie) {
        throw ie;
      }
      throw unreachable(e);
    }
  }

  @Override
  public List<InstanceDescriptor> list() {
    List<InstanceDescriptor> out = new ArrayList<>();
    try (StorageBackend b = backend()) {
      if (!uri.contains("://")) {
        Path root = Path.of(uri.startsWith("file:") ? java.net.URI.create(uri).getPath() : uri);
        if (!Files.isDirectory(root)) {
          throw new IOException("no folder " + root);
        }
      }
      for (ObjectStat st : b.list("")) {
        if (st.folder() || !st.key().endsWith(".json") || st.key().split("/").length != 2) {
          continue;
        }
        try (InputStream in = b.open(st.key())) {
          out.add(InstanceDescriptor.fromJson(in.readAllBytes(), uri + "/" + st.key()));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof org.lamindb.InstanceException ie) {
        throw ie;
      }
      throw unreachable(e);
    }
    out.sort(Comparator.comparing(InstanceDescriptor::slug));
    return out;
  }
}
