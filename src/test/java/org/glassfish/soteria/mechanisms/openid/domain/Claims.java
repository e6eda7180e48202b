package org.glassfish.soteria.mechanisms.openid.domain;

import dev.tokenrefresh.core.support.StandIn;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import java.util.List;

/** JWT claims whose only array claim is {@code groups}. */
final class Claims {

  private Claims() {}

  static JwtClaims withArray(List<String> groups) {
    return StandIn.of(
        JwtClaims.class,
        (proxy, method, args) -> {
          if (method.getName().equals("getArrayStringClaim")) {
            return "groups".equals(args[0]) ? groups : List.of();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
