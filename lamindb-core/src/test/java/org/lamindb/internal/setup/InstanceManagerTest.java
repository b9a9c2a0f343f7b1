package org.lamindb.internal.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;

class InstanceManagerTest {
  @Test
  void instanceIdIsUuid5OfTheSlugInTheUrlNamespace() {
    // computed with Python: uuid.uuid5(uuid.NAMESPACE_URL, "anonymous/mydata").hex
    assertThat(InstanceManager.instanceId("anonymous", "mydata"))
        .isEqualTo("3fae3ac9c7685a6396f2d619d4a5b2bf");
    // uuid.uuid5(uuid.NAMESPACE_URL, "alice/lamindb-test").hex
    assertThat(InstanceManager.instanceId("alice", "lamindb-test"))
        .isEqualTo("f44ea5ec65875deeb59feb7e5c423ae3");
  }

  @Test
  void instanceUidIsTwelveBase62Characters() {
    assertThat(InstanceManager.instanceUid("3fae3ac9c7685a6396f2d619d4a5b2bf"))
        .hasSize(12)
        .matches("[0-9A-Za-z]{12}");
  }

  @Test
  void rootsAreNormalized() {
    assertThat(InstanceManager.normalizeRoot("s3://bucket/prefix/"))
        .isEqualTo("s3://bucket/prefix");
    assertThat(InstanceManager.normalizeRoot("/tmp/x/../y/")).isEqualTo("/tmp/y");
    assertThat(InstanceManager.normalizeRoot("file:///tmp/z")).isEqualTo("/tmp/z");
    assertThatThrownBy(() -> InstanceManager.normalizeRoot("ftp://host/x"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> InstanceManager.normalizeRoot("s3://"))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void initFailuresSummariseTheCauseOnOneLine() {
    var sdk =
        new IllegalStateException(
            "Unable to load credentials from any of the providers in the chain"
                + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
                + " EnvironmentVariableCredentialsProvider(), ...]) : [SystemPropertyCredentialsProvider():"
                + " Unable to load credentials from system settings.\n ...]");
    var e =
        InstanceInit.failure("anonymous/x", new org.lamindb.StorageException("upload failed", sdk));
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot initialize instance anonymous/x: no AWS credentials found; set"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and retry");
    assertThat(e.getCause().getCause()).isSameAs(sdk);
    var io = new java.io.IOException("disk full\nmore detail");
    assertThat(InstanceInit.failure("anonymous/x", io).getMessage())
        .isEqualTo("cannot initialize instance anonymous/x: disk full");
    var ours = new org.lamindb.InstanceException("storage /x is a file");
    assertThat(InstanceInit.failure("anonymous/x", ours)).isSameAs(ours);
  }
}
