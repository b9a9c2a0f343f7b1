package org.lamindb.storage.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * One S3Proxy per test JVM on 127.0.0.1 (filesystem blob store in a temp dir), with a bucket and
 * the static credentials set as AWS SDK system properties, so the default credential chain finds
 * them.
 */
public final class S3ProxyFixture {
  /** Access key the proxy accepts. */
  public static final String ACCESS = "lamin-access";

  /** Secret key the proxy accepts. */
  public static final String SECRET = "lamin-secret-key";

  /** The bucket created at start. */
  public static final String BUCKET = "lamindb-artifacts";

  private static final AtomicInteger RUN = new AtomicInteger();
  private static String endpoint;
  private static S3Proxy running;
  private static BlobStoreContext runningContext;

  /**
   * Stops the proxy (its server threads would keep the JVM alive); the next use starts a new one.
   */
  public static synchronized void stop() throws Exception {
    if (running != null) {
      running.stop();
      runningContext.close();
      running = null;
      endpoint = null;
    }
  }

  private S3ProxyFixture() {}

  /**
   * @return the endpoint URL, starting the proxy on first use
   */
  public static synchronized String endpoint() throws Exception {
    if (endpoint == null) {
      Path blobs = Files.createTempDirectory("s3proxy-artifacts");
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
      BlobStoreContext context =
          ContextBuilder.newBuilder("filesystem")
              .credentials("identity", "credential")
              .overrides(properties)
              .build(BlobStoreContext.class);
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(context.getBlobStore())
              .endpoint(URI.create("http://127.0.0.1:0"))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
              .build();
      proxy.start();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        Thread.sleep(10);
      }
      context.getBlobStore().createContainerInLocation(null, BUCKET);
      endpoint = "http://127.0.0.1:" + proxy.getPort();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      proxy.stop();
                    } catch (Exception e) {
                      // exiting
                    }
                  }));
    }
    System.setProperty("aws.accessKeyId", ACCESS);
    System.setProperty("aws.secretAccessKey", SECRET);
    return endpoint;
  }

  /**
   * @return a fresh storage root in the bucket, with the endpoint embedded as LaminDB does
   */
  public static String newRoot() throws Exception {
    String e = endpoint();
    return "s3://"
        + BUCKET
        + "/run-"
        + RUN.incrementAndGet()
        + "-"
        + System.nanoTime()
        + "?endpoint_url="
        + e;
  }
}
