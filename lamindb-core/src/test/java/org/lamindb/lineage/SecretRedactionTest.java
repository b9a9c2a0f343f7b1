package org.lamindb.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lamindb.internal.lineage.ParamsJson;
import org.lamindb.internal.lineage.SecretRedaction;

/** Secret redaction of source code and parameters (spec §5.4, §5.8) and argument parsing. */
class SecretRedactionTest {
  @Test
  void literalSecretsAssignedToSensitiveNamesAreRedacted() {
    String src =
        """
        String apiKey = "k1";
        final var DB_PASSWORD = 'p2';
        def token = "t3"
        conf = [client_secret: "c4"]
        json = {"accessKey": "a5"}
        props.put("private_key", "k6");
        TOKEN="t7"
        String name = "not secret";
        String fromEnv = System.getenv("API_TOKEN");
        String url = "postgresql://user:pw@db.example.org:5432/lamin";
        if (token == "x") {}
        call(token, "forwarded");
        """;
    String out = SecretRedaction.redactSource(src);
    assertThat(out)
        .contains(
            "String apiKey = \"***REDACTED***\";",
            "final var DB_PASSWORD = '***REDACTED***';",
            "def token = \"***REDACTED***\"",
            "client_secret: \"***REDACTED***\"",
            "\"accessKey\": \"***REDACTED***\"",
            "props.put(\"private_key\", \"***REDACTED***\");",
            "TOKEN=\"***REDACTED***\"",
            "String name = \"not secret\";",
            "System.getenv(\"API_TOKEN\")",
            "String url = \"***REDACTED***\";",
            "if (token == \"x\")",
            "call(token, \"forwarded\");");
    assertThat(out).doesNotContain("k1", "p2", "t3", "c4", "a5", "k6", "t7", "user:pw");
  }

  @Test
  void sensitiveNamesInAnyCaseStyle() {
    assertThat(SecretRedaction.isSensitiveName("apiKey")).isTrue();
    assertThat(SecretRedaction.isSensitiveName("MY_TOKEN")).isTrue();
    assertThat(SecretRedaction.isSensitiveName("client-secret")).isTrue();
    assertThat(SecretRedaction.isSensitiveName("passwd")).isTrue();
    assertThat(SecretRedaction.isSensitiveName("tokenizer")).isFalse();
    assertThat(SecretRedaction.isSensitiveName("secretary")).isFalse();
    assertThat(SecretRedaction.isSensitiveName("min_reads")).isFalse();
  }

  @Test
  void paramsAreTypedAndRedacted() {
    var json =
        ParamsJson.serialize(
            new java.util.LinkedHashMap<>(
                Map.of(
                    "n",
                    3,
                    "x",
                    1.5,
                    "flag",
                    true,
                    "names",
                    java.util.List.of("a", "b"),
                    "empty",
                    java.util.List.of(),
                    "nested",
                    Map.of("password", "p", "k", 1),
                    "dbUrl",
                    "postgres://a:b@h/d",
                    "obj",
                    new Object())));
    assertThat(json.get("n").isIntegralNumber()).isTrue();
    assertThat(json.get("x").asDouble()).isEqualTo(1.5);
    assertThat(json.get("flag").asBoolean()).isTrue();
    assertThat(json.get("names").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(json.has("empty")).isFalse();
    assertThat(json.get("nested").get("password").asText()).isEqualTo("***REDACTED***");
    assertThat(json.get("dbUrl").asText()).isEqualTo("***REDACTED***");
    assertThat(json.has("obj")).isFalse();
  }

  record Options(String input, int minReads) {}

  static final class PicoLike {
    @Deprecated String notAnOption = "x";
    int count = 4;
  }

  @Test
  void argumentsAndCommandObjectsBecomeParams() {
    assertThat(
            Params.fromArgs(
                "--input", "a.csv", "--min-reads=10", "-v", "--ratio", "0.5", "file1", "--dry-run"))
        .containsExactly(
            Map.entry("input", "a.csv"),
            Map.entry("min-reads", 10L),
            Map.entry("v", true),
            Map.entry("ratio", 0.5),
            Map.entry("dry-run", true),
            Map.entry("args", java.util.List.of("file1")));
    assertThat(Params.fromObject(new Options("x.csv", 7)))
        .containsExactly(Map.entry("input", "x.csv"), Map.entry("minReads", 7));
    assertThat(Params.fromObject(new PicoLike())).containsEntry("count", 4);
  }
}
