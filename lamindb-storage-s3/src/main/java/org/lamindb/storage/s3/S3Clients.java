package org.lamindb.storage.s3;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client of one storage root: credentials, region, endpoint, retries. */
final class S3Clients {
  private S3Clients() {}

  static S3Client build(S3Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            // connection resets, throttling and 5xx are retried with exponential backoff and jitter
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        software
                            .amazon
                            .awssdk
                            .awscore
                            .retry
                            .AwsRetryStrategy
                            .standardRetryStrategy()
                            .toBuilder()
                            .maxAttempts(S3StorageBackend.MAX_ATTEMPTS)
                            .build()));
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
    }
    if (settings.endpoint() != null) {
      builder
          .endpointOverride(settings.endpoint())
          .forcePathStyle(true)
          // S3-compatible stores often lack the newer streaming checksums; send them only when S3
          // requires them
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
          // ... and Content-MD5 where they expect it (DeleteObjects), as before SDK 2.30
          .addPlugin(LegacyMd5Plugin.create());
    } else {
      builder.crossRegionAccessEnabled(true);
      if (settings.region() == null) {
        builder.region(Region.US_EAST_1);
      }
    }
    return builder.build();
  }
}
