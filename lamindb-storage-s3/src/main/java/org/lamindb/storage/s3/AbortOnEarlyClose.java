package org.lamindb.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Closing an S3 response stream early would drain the rest of the object to reuse the connection;
 * for a reader that only needs the first bytes of a large object (a header, a footer) it is cheaper
 * to drop the connection.
 */
final class AbortOnEarlyClose extends FilterInputStream {
  private final ResponseInputStream<GetObjectResponse> response;
  private boolean endReached;

  AbortOnEarlyClose(ResponseInputStream<GetObjectResponse> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    endReached |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    endReached |= n < 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!endReached) {
      response.abort();
    }
    super.close();
  }
}
