package org.lamindb.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lamindb.InitOptions;
import org.lamindb.InstanceException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.testing.Backend;

class PostgresInstanceTest extends AbstractInstanceTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }

  @Test
  void wrongPortGivesOneLineErrorAndCreatesNothing() {
    InitOptions o =
        InitOptions.storage(tmp.resolve("data").toString())
            .db("postgresql://postgres@127.0.0.1:1/lamin");
    assertThatThrownBy(() -> setup().init(o))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining(
            "cannot connect to PostgreSQL at postgresql://postgres@127.0.0.1:1/lamin")
        .hasMessageContaining("Check that the server is running");
    assertThat(tmp.resolve("data")).doesNotExist();
    assertThat(setup().instances()).isEmpty();
  }

  @Test
  void unknownUserOrWrongPasswordIsReportedWithoutThePassword() {
    InitOptions o =
        InitOptions.storage(tmp.resolve("data").toString())
            .db("postgresql://nosuchuser:secret@127.0.0.1:5432/postgres");
    assertThatThrownBy(() -> setup().init(o))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("nosuchuser")
        .hasMessageNotContaining("secret");
    assertThat(tmp.resolve("data")).doesNotExist();
  }

  @Test
  void malformedUrlsAreRejected() {
    for (String bad :
        new String[] {
          "mysql://x@y/z", "postgresql://", "postgresql://host", "postgresql://h/a/b"
        }) {
      assertThatThrownBy(
              () -> setup().init(InitOptions.storage(tmp.resolve("u").toString()).db(bad)))
          .as(bad)
          .isInstanceOf(InvalidArgumentException.class);
    }
    assertThat(tmp.resolve("u")).doesNotExist();
  }
}
