package dev.leakhound.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JvmSamplerFailureTest {
  @Test
  void aPortWithNobodyBehindItIsAClearErrorWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (JvmSampler sampler =
        new JvmSampler(
            JmxAddress.parse("127.0.0.1:" + port, null, null, false),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Clock.systemUTC())) {
      assertThatThrownBy(sampler::sample)
          .isInstanceOf(JvmCollectException.class)
          .hasMessageStartingWith(
              "cannot connect to the JMX agent at service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port);
    }
  }

  @Test
  void aPidThatIsNoJvmIsNeverAttached() throws Exception {
    // A shell: attaching would send it SIGQUIT, and kill it; the sampler must refuse instead.
    Process shell = new ProcessBuilder("sleep", "30").start();
    long notAJvm = shell.pid();
    try (JvmSampler sampler =
        new JvmSampler(
            JmxAddress.parse("pid:" + notAJvm, null, null, false),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Clock.systemUTC())) {
      assertThatThrownBy(sampler::sample)
          .isInstanceOf(JvmCollectException.class)
          .hasMessageStartingWith("cannot attach to pid " + notAJvm + ": no JVM of this user");
      assertThat(shell.isAlive()).isTrue();
    } finally {
      shell.destroyForcibly();
      shell.waitFor();
    }
  }
}
