package dev.tokenrefresh.internal.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Grid values are sealed: secret, authenticated, bound to their grid key, rotatable. */
class SealedCodecTest {

  private static final String GRID_KEY = "token-refresh-flights/" + "ab".repeat(32);

  @Test
  void seal_thenOpen_returnsTheRecord() {
    SealedCodec codec = new SealedCodec(ClusterKeys.of(key(), null));
    FlightRecord.Rotated record = new FlightRecord.Rotated(owner(), Tokens.rotated());

    byte[] sealed = codec.seal(RecordFormat.write(record), GRID_KEY);

    assertThat(RecordFormat.readFlight(codec.open(sealed, GRID_KEY))).isEqualTo(record);
    for (FlightRecord r :
        new FlightRecord[] {
          new FlightRecord.Leased("member-1", 42L, owner()),
          new FlightRecord.Revoked(owner(), "invalid_grant"),
          new FlightRecord.Faulted(owner(), FaultKind.TIMEOUT)
        }) {
      assertThat(
              RecordFormat.readFlight(
                  codec.open(codec.seal(RecordFormat.write(r), GRID_KEY), GRID_KEY)))
          .isEqualTo(r);
    }
  }

  @Test
  void open_ofAnAlteredValue_isRefused() {
    SealedCodec codec = new SealedCodec(ClusterKeys.of(key(), null));
    byte[] sealed = codec.seal("plain".getBytes(StandardCharsets.UTF_8), GRID_KEY);
    for (int i = 1; i < sealed.length; i += 7) {
      byte[] altered = sealed.clone();
      altered[i] ^= 1;
      assertThatThrownBy(() -> codec.open(altered, GRID_KEY))
          .isInstanceOf(UnreadableEntryException.class);
    }
  }

  @Test
  void open_ofAValueMovedUnderAnotherGridKey_isRefused() {
    SealedCodec codec = new SealedCodec(ClusterKeys.of(key(), null));
    byte[] sealed = codec.seal("plain".getBytes(StandardCharsets.UTF_8), GRID_KEY);

    assertThatThrownBy(() -> codec.open(sealed, "token-refresh-flights/" + "cd".repeat(32)))
        .isInstanceOf(UnreadableEntryException.class);
  }

  @Test
  void open_withAnotherKey_isRefused_andThePreviousKeyStillOpens() {
    byte[] oldKey = key();
    byte[] newKey = key();
    byte[] sealedWithOld =
        new SealedCodec(ClusterKeys.of(oldKey, null)).seal(new byte[] {1, 2, 3}, GRID_KEY);

    assertThatThrownBy(
            () -> new SealedCodec(ClusterKeys.of(newKey, null)).open(sealedWithOld, GRID_KEY))
        .isInstanceOf(UnreadableEntryException.class)
        .hasMessageContaining(ClusterKeys.PREVIOUS_KEY);
    assertThat(new SealedCodec(ClusterKeys.of(newKey, oldKey)).open(sealedWithOld, GRID_KEY))
        .containsExactly(1, 2, 3);
  }

  @Test
  void seal_usesAFreshNonceEachTime() {
    SealedCodec codec = new SealedCodec(ClusterKeys.of(key(), null));
    byte[] a = codec.seal(new byte[] {1}, GRID_KEY);
    byte[] b = codec.seal(new byte[] {1}, GRID_KEY);

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void parse_ofBadKeys_namesTheConfigKeyAndNeverQuotesTheValue() {
    String notBase64 = "s3cr3t!!not*base64";
    String tooShort =
        Base64.getEncoder().encodeToString("s3cr3t-short".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> ClusterKeys.parse(notBase64, Optional.empty()))
        .hasMessageContaining(ClusterKeys.KEY)
        .hasMessageNotContaining(notBase64);
    assertThatThrownBy(() -> ClusterKeys.parse(tooShort, Optional.empty()))
        .hasMessageContaining(ClusterKeys.KEY)
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining(tooShort);
    assertThatThrownBy(
            () ->
                ClusterKeys.parse(Base64.getEncoder().encodeToString(key()), Optional.of(tooShort)))
        .hasMessageContaining(ClusterKeys.PREVIOUS_KEY)
        .hasMessageNotContaining(tooShort);
  }

  @Test
  void toString_ofKeysLeasesAndOutcomes_showsNoSecret() {
    String keyText = Base64.getEncoder().encodeToString(key());
    ClusterKeys keys = ClusterKeys.parse(keyText, Optional.of(keyText));
    TokenSet tokens = Tokens.rotated();
    FlightRecord.Rotated rotated = new FlightRecord.Rotated(owner(), tokens);
    SessionRecord record = SessionRecord.first(Fingerprint.of("x"), tokens);

    assertThat(keys.toString()).doesNotContain(keyText).contains("[redacted]");
    for (Object o : new Object[] {rotated, record}) {
      assertThat(o.toString())
          .doesNotContain(tokens.accessToken())
          .doesNotContain(tokens.refreshToken())
          .doesNotContain(Tokens.SECRET_MARK);
    }
  }

  @Test
  void gridEntries_afterARefreshOnTwoNodes_holdNoTokenBytesInClear() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      TokenSet old = Tokens.expired();
      SessionKey session = SessionKey.of("leak-check");
      TokenSet fresh =
          cluster.node(0).coordinator().refresh(session, old).toCompletableFuture().get();
      cluster.node(1).coordinator().refresh(session, old).toCompletableFuture().get();

      assertThat(cluster.grid.values()).hasSize(2);
      byte[] mark = Tokens.SECRET_MARK.getBytes(StandardCharsets.UTF_8);
      for (byte[] value : cluster.grid.values()) {
        assertThat(indexOf(value, mark)).as("secret mark in a grid value").isEqualTo(-1);
        assertThat(indexOf(value, fresh.refreshToken().getBytes(StandardCharsets.UTF_8)))
            .isEqualTo(-1);
      }
    }
  }

  @Test
  void negativeControl_theLeakCheck_findsATokenInAnUnsealedRecord() {
    byte[] plain = RecordFormat.write(new FlightRecord.Rotated(owner(), Tokens.rotated()));

    assertThat(indexOf(plain, Tokens.SECRET_MARK.getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(-1);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Fingerprint owner() {
    return SessionKey.of("owner").fingerprint();
  }

  private static byte[] key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }
}
