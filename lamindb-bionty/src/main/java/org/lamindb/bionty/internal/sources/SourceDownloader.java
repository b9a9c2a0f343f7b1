package org.lamindb.bionty.internal.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;
import org.lamindb.StorageException;
import org.lamindb.bionty.SourceInfo;
import org.lamindb.storage.TransferProgress;

/**
 * Fetches the file of a public source once into {@code <cache>/bionty/}, streaming it to disk with
 * progress reports; later calls return the cached copy. {@code file:} URLs are used in place;
 * {@code s3://bionty-assets/} URLs are fetched over HTTPS from the bucket's public endpoint (or
 * from {@code $LAMIN_BIONTY_ASSETS_URL}, e.g. a local mirror).
 */
public final class SourceDownloader {
  /** Environment variable overriding where {@code s3://bionty-assets/} files are fetched from. */
  public static final String ASSETS_ENV = "LAMIN_BIONTY_ASSETS_URL";

  static final String ASSETS_BUCKET = "s3://bionty-assets/";
  static final String ASSETS_HTTP = "https://bionty-assets.s3.amazonaws.com/";
  private static final int CHUNK = 1 << 16;
  private static final long REPORT_EVERY = 1L << 20;
  private static final int MAX_REDIRECTS = 5;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

  /** A download that receives nothing for this long fails (instead of hanging forever). */
  private final Duration readTimeout = Duration.ofSeconds(60);

  private final Path cacheDir;
  private final BiFunction<String, Long, TransferProgress> progress;
  private final String assetsBase;

  /**
   * @param cacheDir the instance's cache directory ({@code bionty/} is created below it)
   * @param progress makes a listener per download from a label and the size (-1 if unknown)
   * @param assetsBase where {@code s3://bionty-assets/} keys are fetched from; null for the default
   *     (the environment variable, else the bucket's HTTPS endpoint)
   */
  public SourceDownloader(
      Path cacheDir, BiFunction<String, Long, TransferProgress> progress, String assetsBase) {
    this.cacheDir = cacheDir.resolve("bionty");
    this.progress = progress;
    String base = assetsBase != null ? assetsBase : System.getenv(ASSETS_ENV);
    base = base == null || base.isBlank() ? ASSETS_HTTP : base;
    this.assetsBase = base.endsWith("/") ? base : base + "/";
  }

  /**
   * @return the cached file name of a source: {@code <name>__<version>__<file name of the URL>}
   */
  public static String cacheName(SourceInfo s) {
    String url = s.url();
    String fileName = url.substring(url.lastIndexOf('/') + 1);
    int q = fileName.indexOf('?');
    if (q >= 0) {
      fileName = fileName.substring(0, q);
    }
    return (s.name() + "__" + s.version() + "__" + fileName).replace(' ', '_');
  }

  /**
   * @return the URL a source's file is fetched from: s3 URLs of LaminDB's public bucket mapped to
   *     HTTPS, others unchanged
   */
  public String httpUrl(String url) {
    if (url.startsWith(ASSETS_BUCKET)) {
      return assetsBase + url.substring(ASSETS_BUCKET.length());
    }
    return url;
  }

  /**
   * Returns a local copy of the file of {@code s}: the file itself for {@code file:} URLs, else the
   * cached copy, downloading it first when missing.
   *
   * @param s the source (its URL must be set)
   * @param registry the registry class name, for hints in error messages
   * @throws StorageException when the file cannot be fetched; the message tells offline users to
   *     download it elsewhere and import it with {@code --file}
   */
  public Path fetch(SourceInfo s, String registry) {
    if (s.url() == null || s.url().isBlank()) {
      throw new StorageException(
          "source "
              + s
              + " of "
              + registry
              + " has no URL; import a local file with importSource(Path) or `lamin ontology"
              + " import "
              + registry
              + " --file F`");
    }
    String url = httpUrl(s.url());
    if (url.startsWith("file:")) {
      Path p = Path.of(URI.create(url));
      if (!Files.isRegularFile(p)) {
        throw new StorageException("source file " + p + " of " + s + " does not exist");
      }
      return p;
    }
    String name = cacheName(s);
    Path target = cacheDir.resolve(name);
    if (Files.isRegularFile(target)) {
      return target;
    }
    String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')) : "";
    if (!scheme.toLowerCase(Locale.ROOT).startsWith("http")) {
      throw new StorageException(
          "cannot download "
              + url
              + ": only http(s), file: and s3://bionty-assets/ URLs are fetched; "
              + offlineHint(name, registry));
    }
    return download(url, target, name, registry);
  }

  private Path download(String url, Path target, String name, String registry) {
    Path tmp = null;
    HttpURLConnection conn = null;
    try {
      Files.createDirectories(cacheDir);
      conn = open(url);
      int status = conn.getResponseCode();
      if (status != 200) {
        throw new StorageException(
            "cannot download "
                + url
                + ": the server answered HTTP "
                + status
                + "; check the source's URL and version (`lamin ontology sources`), or "
                + offlineHint(name, registry));
      }
      long size = conn.getContentLengthLong();
      TransferProgress listener = progress.apply("downloading " + url, size);
      tmp = Files.createTempFile(cacheDir, name, ".part");
      long done = 0;
      try (InputStream in = conn.getInputStream();
          OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[CHUNK];
        long reported = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          done += n;
          if (done - reported >= REPORT_EVERY) {
            listener.update(done, size);
            reported = done;
          }
        }
      }
      if (size >= 0 && done != size) {
        throw new IOException("connection closed after " + done + " of " + size + " bytes");
      }
      listener.update(done, done);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      String why =
          e instanceof ConnectException
                  || e instanceof UnknownHostException
                  || e instanceof NoRouteToHostException
              ? "no connection; you appear to be offline"
              : e instanceof SocketTimeoutException
                  ? "no data for " + readTimeout.toSeconds() + " s"
                  : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new StorageException(
          "cannot download " + url + " (" + why + "); " + offlineHint(name, registry), e);
    } finally {
      if (conn != null) {
        conn.disconnect();
      }
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stale .part file is harmless: the next download writes a new one
        }
      }
    }
  }

  /**
   * Opens {@code url}, following up to {@value #MAX_REDIRECTS} redirects, also from http to https
   * (purl.obolibrary.org redirects to GitHub this way), which HttpURLConnection does not do itself.
   */
  private HttpURLConnection open(String url) throws IOException {
    String current = url;
    for (int i = 0; i <= MAX_REDIRECTS; i++) {
      HttpURLConnection c = (HttpURLConnection) URI.create(current).toURL().openConnection();
      c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
      c.setReadTimeout((int) readTimeout.toMillis());
      c.setInstanceFollowRedirects(false);
      c.setRequestProperty("User-Agent", "lamindb-java");
      int status = c.getResponseCode();
      if (status / 100 != 3) {
        return c;
      }
      String location = c.getHeaderField("Location");
      c.disconnect();
      if (location == null) {
        throw new IOException("HTTP " + status + " without a Location header");
      }
      current = URI.create(current).resolve(location).toString();
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects");
  }

  private static String offlineHint(String cacheName, String registry) {
    String file = cacheName.substring(cacheName.lastIndexOf("__") + 2);
    return "download "
        + file
        + " elsewhere and import it with importSource(Path.of(\""
        + file
        + "\")) or `lamin ontology import "
        + registry
        + " --file "
        + file
        + "`";
  }
}
