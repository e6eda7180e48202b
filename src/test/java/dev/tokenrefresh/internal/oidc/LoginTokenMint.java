package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Mints the ID tokens of a login and the logout tokens of Back-Channel Logout, good or bad. */
final class LoginTokenMint {

  static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private LoginTokenMint() {}

  static JWTClaimsSet.Builder idClaims(URI issuer, String audience, String nonce, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer.toString())
        .subject("alice-sub")
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("sid", "sid-1")
        .claim("preferred_username", "alice")
        .claim("groups", java.util.List.of("user"));
  }

  static JWTClaimsSet.Builder logoutClaims(URI issuer, String audience, String jti, Instant iat) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer.toString())
        .audience(audience)
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(iat.plusSeconds(120)))
        .jwtID(jti)
        .subject("alice-sub")
        .claim("sid", "sid-1")
        .claim("events", Map.of(EVENT, Map.of()));
  }

  static String sign(JWTClaimsSet.Builder claims, UnaryOperator<JWTClaimsSet.Builder> change) {
    return SignedTokens.sign(SignedTokens.PROVIDER_KEY, change.apply(claims).build());
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  static String tokenJson(String idToken) {
    return "{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":300,"
        + "\"refresh_token\":\"refresh-1\",\"id_token\":\""
        + idToken
        + "\"}";
  }
}
