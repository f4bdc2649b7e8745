package io.sio4j.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The options' defaults and validation, as the official {@code instrument()} checks them. */
class AdminUiOptionsTest {

  @Test
  void authMustBeChosenExplicitly() {
    assertThatThrownBy(() -> AdminUiOptions.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("noAuth()");
    AdminUiOptions open = AdminUiOptions.builder().noAuth().build();
    assertThat(open.username()).isNull();
    assertThat(open.namespace()).isEqualTo("/admin");
    assertThat(open.readOnly()).isFalse();
    assertThat(open.development()).isTrue();
    assertThat(open.serverId()).isNotBlank();
  }

  @Test
  void passwordMustBeABcryptHash() {
    assertThatThrownBy(() -> AdminUiOptions.builder().auth("admin", "changeit").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bcrypt");
  }

  @Test
  void hashesOfEveryBcryptVersionAreAccepted() {
    for (BCrypt.Version v :
        new BCrypt.Version[] {
          BCrypt.Version.VERSION_2A, BCrypt.Version.VERSION_2B, BCrypt.Version.VERSION_2Y
        }) {
      String hash = BCrypt.with(v).hashToString(4, "pw".toCharArray());
      assertThat(AdminUiOptions.builder().auth("admin", hash).build().passwordHash())
          .isEqualTo(hash);
    }
  }

  @Test
  void hashHelperMakesAVerifiableHash() {
    String hash = AdminUiOptions.hash("s3cret".toCharArray());
    assertThat(hash).startsWith("$2b$10$");
    assertThat(
            BCrypt.verifyer()
                .verify(
                    "s3cret".getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8))
                .verified)
        .isTrue();
  }

  @Test
  void namespaceMustBeAPath() {
    assertThatThrownBy(() -> AdminUiOptions.builder().namespace("admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
