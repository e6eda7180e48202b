package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.TokenSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain binary form of grid records, before sealing: a version byte, a type byte, then the
 * fields (strings as length-prefixed UTF-8). Plain Java, no serialization framework: a member of
 * the grid needs none of this library's classes. Thread-safe (stateless).
 */
final class RecordFormat {

  private static final byte VERSION = 1;
  private static final byte LEASED = 1;
  private static final byte ROTATED = 2;
  private static final byte REVOKED = 3;
  private static final byte FAULTED = 4;
  private static final byte SESSION = 5;

  private RecordFormat() {}

  static byte[] write(FlightRecord record) {
    return bytes(
        out -> {
          if (record instanceof FlightRecord.Leased l) {
            out.writeByte(LEASED);
            text(out, l.leader());
            out.writeLong(l.leaseId());
            fingerprint(out, l.owner());
          } else if (record instanceof FlightRecord.Rotated r) {
            out.writeByte(ROTATED);
            fingerprint(out, r.owner());
            tokens(out, r.tokens());
          } else if (record instanceof FlightRecord.Revoked r) {
            out.writeByte(REVOKED);
            fingerprint(out, r.owner());
            text(out, r.errorCode());
          } else if (record instanceof FlightRecord.Faulted f) {
            out.writeByte(FAULTED);
            fingerprint(out, f.owner());
            text(out, f.kind().name());
          }
        });
  }

  static FlightRecord readFlight(byte[] plain) {
    return read(
        plain,
        in ->
            switch (in.readByte()) {
              case LEASED -> new FlightRecord.Leased(text(in), in.readLong(), fingerprint(in));
              case ROTATED -> new FlightRecord.Rotated(fingerprint(in), tokens(in));
              case REVOKED -> new FlightRecord.Revoked(fingerprint(in), text(in));
              case FAULTED ->
                  new FlightRecord.Faulted(fingerprint(in), FaultKind.valueOf(text(in)));
              default -> throw new UnreadableEntryException("unknown flight record type");
            });
  }

  static byte[] write(SessionRecord record) {
    return bytes(
        out -> {
          out.writeByte(SESSION);
          tokens(out, record.tokens());
          out.writeLong(record.generation());
          out.writeByte(record.superseded().size());
          for (Fingerprint f : record.superseded()) {
            fingerprint(out, f);
          }
        });
  }

  static SessionRecord readSession(byte[] plain) {
    return read(
        plain,
        in -> {
          if (in.readByte() != SESSION) {
            throw new UnreadableEntryException("not a session record");
          }
          TokenSet tokens = tokens(in);
          long generation = in.readLong();
          int n = in.readUnsignedByte();
          List<Fingerprint> superseded = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            superseded.add(fingerprint(in));
          }
          return new SessionRecord(tokens, superseded, generation);
        });
  }

  private static void tokens(DataOutputStream out, TokenSet t) throws IOException {
    text(out, t.accessToken());
    text(out, t.refreshToken());
    text(out, t.idToken() == null ? "" : t.idToken());
    instant(out, t.accessTokenExpiresAt());
    instant(out, t.issuedAt());
  }

  private static TokenSet tokens(DataInputStream in) throws IOException {
    String access = text(in);
    String refresh = text(in);
    String id = text(in);
    return new TokenSet(access, refresh, id.isEmpty() ? null : id, instant(in), instant(in));
  }

  private static void instant(DataOutputStream out, Instant i) throws IOException {
    out.writeLong(i.getEpochSecond());
    out.writeInt(i.getNano());
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  private static void fingerprint(DataOutputStream out, Fingerprint f) throws IOException {
    out.writeLong(f.w0());
    out.writeLong(f.w1());
    out.writeLong(f.w2());
    out.writeLong(f.w3());
  }

  private static Fingerprint fingerprint(DataInputStream in) throws IOException {
    return new Fingerprint(in.readLong(), in.readLong(), in.readLong(), in.readLong());
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new UnreadableEntryException("a grid record is truncated");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] bytes(Writer writer) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static <T> T read(byte[] plain, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      if (in.readByte() != VERSION) {
        throw new UnreadableEntryException("a grid record has an unknown version");
      }
      return reader.read(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableEntryException("a grid record is malformed");
    }
  }
}
