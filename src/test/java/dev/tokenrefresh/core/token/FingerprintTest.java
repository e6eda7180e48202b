package dev.tokenrefresh.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

  @Test
  void hex_isTheStandardSha256Digest() {
    // sha256("abc"), FIPS 180-2 test vector
    assertThat(Fingerprint.of("abc").hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Fingerprint.of("abc").shortForm()).isEqualTo("ba7816bf8f01");
  }

  @Test
  void equalSecrets_giveEqualKeys_andDifferentSecretsDifferentOnes() {
    assertThat(Fingerprint.of("token-a")).isEqualTo(Fingerprint.of("token-a"));
    assertThat(Fingerprint.of("token-a").hashCode())
        .isEqualTo(Fingerprint.of("token-a").hashCode());
    assertThat(Fingerprint.of("token-a")).isNotEqualTo(Fingerprint.of("token-b"));
  }
}
