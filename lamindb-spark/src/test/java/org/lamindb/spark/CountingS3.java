package org.lamindb.spark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An in-process S3 endpoint (S3Proxy over a filesystem blob store in a temp dir) whose blob store
 * records every call the S3 requests turn into: {@code list} (ListObjects) and {@code getBlob}
 * (GET, ranged or not) with the object name, so tests can prove what planning and scans touched.
 */
final class CountingS3 implements AutoCloseable {
  static final String ACCESS = "spark-access";
  static final String SECRET = "spark-secret-key";
  static final String BUCKET = "lamindb-spark";

  /** One recorded blob-store call. */
  record Call(String method, String name) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final S3Proxy proxy;
  private final BlobStoreContext context;
  final String endpoint;

  CountingS3() throws Exception {
    Path blobs = Files.createTempDirectory("s3proxy-spark");
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
    context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    BlobStore real = context.getBlobStore();
    BlobStore counting =
        (BlobStore)
            Proxy.newProxyInstance(
                BlobStore.class.getClassLoader(),
                new Class<?>[] {BlobStore.class},
                (p, m, args) -> {
                  String name = m.getName();
                  if (name.equals("list") || name.equals("getBlob")) {
                    calls.add(
                        new Call(
                            name, args != null && args.length > 1 ? String.valueOf(args[1]) : ""));
                  }
                  try {
                    return m.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    proxy =
        S3Proxy.builder()
            .blobStore(counting)
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
    real.createContainerInLocation(null, BUCKET);
    endpoint = "http://127.0.0.1:" + proxy.getPort();
    System.setProperty("aws.accessKeyId", ACCESS);
    System.setProperty("aws.secretAccessKey", SECRET);
  }

  /**
   * @return a fresh storage root in the bucket, endpoint embedded as LaminDB does
   */
  String newRoot(String prefix) {
    return "s3://" + BUCKET + "/" + prefix + "-" + System.nanoTime() + "?endpoint_url=" + endpoint;
  }

  long count(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).count();
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
