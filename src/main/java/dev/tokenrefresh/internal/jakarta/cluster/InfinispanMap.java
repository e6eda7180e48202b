package dev.tokenrefresh.internal.jakarta.cluster;

import dev.tokenrefresh.internal.core.cluster.GridMap;
import dev.tokenrefresh.internal.core.cluster.Registration;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.infinispan.Cache;

/**
 * One grid map on a shared Infinispan {@code Cache<String, String>}: its keys carry a prefix of
 * their own ({@code flight/}, {@code session/}), its values are the sealed bytes in base64. Plain
 * strings, so a member needs no schema (WildFly's containers marshal with ProtoStream) and the
 * cache compares values by content ({@code byte[]} would compare by identity). Conditional writes
 * ({@code putIfAbsent}, {@code remove(k, v)}, {@code replace(k, v, v, lifespan)}) are reliable only
 * on a transactional cache: {@code wildfly-config/cluster.cli} creates one. Thread-safe.
 */
final class InfinispanMap implements GridMap {

  private static final Base64.Encoder ENCODER = Base64.getEncoder();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private final Cache<String, String> cache;
  private final String prefix;
  private final CacheEvents events;

  /** The map of the keys under {@code prefix} in the cache {@code events} listens to. */
  InfinispanMap(CacheEvents events, String prefix) {
    this.cache = events.cache();
    this.prefix = prefix;
    this.events = events;
  }

  @Override
  public Optional<byte[]> putIfAbsent(String key, byte[] value, Duration ttl) {
    String held = cache.putIfAbsent(prefix + key, text(value), millis(ttl), TimeUnit.MILLISECONDS);
    return Optional.ofNullable(held).map(DECODER::decode);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(cache.get(prefix + key)).map(DECODER::decode);
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    cache.put(prefix + key, text(value), millis(ttl), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean remove(String key, byte[] expected) {
    return cache.remove(prefix + key, text(expected));
  }

  @Override
  public boolean extend(String key, byte[] expected, Duration ttl) {
    String value = text(expected);
    return cache.replace(prefix + key, value, value, millis(ttl), TimeUnit.MILLISECONDS);
  }

  @Override
  public Registration listen(String key, Consumer<Optional<byte[]>> onChange) {
    return events.listen(prefix + key, value -> onChange.accept(value.map(DECODER::decode)));
  }

  private static String text(byte[] value) {
    return ENCODER.encodeToString(value);
  }

  /** A lifespan of at least one millisecond: 0 or less would mean "forever" to Infinispan. */
  private static long millis(Duration ttl) {
    return Math.max(1, ttl.toMillis());
  }
}
