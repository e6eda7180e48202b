package dev.tokenrefresh.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.property.Gen;
import dev.tokenrefresh.property.Tries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tokens of any size and shape, as the filter keeps them in the HTTP session: what is saved is what
 * is loaded, also after the session was serialized (replication, passivation); the session
 * attribute prints no token; a refresh replaces them only while the session holds the refresh token
 * it started from.
 */
class HttpSessionTokenStorePropertyTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final HttpSessionTokenStore store = new HttpSessionTokenStore();

  @Test
  void anyTokens_areLoadedAsSaved_surviveSerialization_andPrintNoToken() {
    Tries.run(
        500,
        r -> {
          HttpSession session = FakeHttp.session("S-" + r.nextInt());
          HttpServletRequest request = FakeHttp.request(session);
          TokenSet tokens = tokens(r);

          store.save(request, tokens);

          assertThat(store.load(request)).contains(tokens);
          Object attribute = session.getAttribute(HttpSessionTokenStore.ATTRIBUTE);
          assertThat(attribute.toString())
              .doesNotContain(tokens.accessToken().substring(1))
              .doesNotContain(tokens.refreshToken().substring(1));
          HttpSession restored = FakeHttp.session("S-restored");
          restored.setAttribute(HttpSessionTokenStore.ATTRIBUTE, roundTrip(attribute));
          assertThat(store.load(FakeHttp.request(restored))).contains(tokens);
        });
  }

  @Test
  void aRefresh_replacesAnyTokens_onlyWhileTheSessionHoldsItsRefreshToken() {
    Tries.run(
        500,
        r -> {
          HttpServletRequest request = FakeHttp.request(FakeHttp.session("S"));
          TokenSet stored = tokens(r);
          TokenSet startedFrom = Gen.chance(r, 0.5) ? stored : tokens(r);
          TokenSet refreshed =
              new TokenSet("new-" + stored.accessToken(), "new-" + r.nextLong(), null, NOW, NOW);
          store.save(request, stored);

          store.replace(request, startedFrom, refreshed);

          boolean sameGrant = startedFrom.refreshToken().equals(stored.refreshToken());
          assertThat(store.load(request)).contains(sameGrant ? refreshed : stored);
        });
  }

  /**
   * A valid set whose tokens have any shape after a 12-character marker (so that a leak is
   * recognisable): unicode, control characters, up to 64 KiB.
   */
  private static TokenSet tokens(Random r) {
    return new TokenSet(
        "A" + Gen.alnum(r, 12) + token(r),
        "R" + Gen.alnum(r, 12) + token(r),
        Gen.chance(r, 0.5) ? null : "I" + token(r),
        NOW,
        NOW);
  }

  private static String token(Random r) {
    return Gen.chance(r, 0.02) ? Gen.alnum(r, 65_536) : Gen.text(r, 2_000);
  }

  private static Object roundTrip(Object value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
