package dev.leakhound.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JmxAddressTest {
  @Test
  void aServiceUrlIsKeptAsWritten() {
    JmxAddress a =
        JmxAddress.parse("service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi", "u", "p", false);

    assertThat(a.isLocal()).isFalse();
    assertThat(a.serviceUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi");
    assertThat(a.user()).isEqualTo("u");
  }

  @Test
  void hostAndPortMeanTheStandardRmiUrl() {
    assertThat(JmxAddress.parse("db-1.internal:9010", null, null, false).serviceUrl())
        .isEqualTo("service:jmx:rmi:///jndi/rmi://db-1.internal:9010/jmxrmi");
  }

  @Test
  void aPidIsALocalProcess() {
    assertThat(JmxAddress.parse("pid:4242", null, null, false).pid()).isEqualTo(4242);
    assertThat(JmxAddress.parse("4242", null, null, false).isLocal()).isTrue();
  }

  @Test
  void thePasswordNeverShowsInMessages() {
    assertThat(JmxAddress.parse("h:1", "admin", "s3cret", false).toString())
        .doesNotContain("s3cret")
        .contains("admin");
  }

  @Test
  void anythingElseIsRefusedWithTheAcceptedForms() {
    assertThatThrownBy(() -> JmxAddress.parse("http://h:8080", null, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi");
    assertThatThrownBy(() -> JmxAddress.parse("h:99999", null, null, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JmxAddress.parse("pid:1", "u", "p", false))
        .hasMessageContaining("takes no credentials");
    assertThatThrownBy(() -> JmxAddress.parse("h:1", "u", null, false))
        .hasMessageContaining("both a user and a password");
  }
}
