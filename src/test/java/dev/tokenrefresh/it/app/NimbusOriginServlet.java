package dev.tokenrefresh.it.app;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import dev.tokenrefresh.internal.oidc.NimbusOrigin;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import net.minidev.json.JSONObject;

/**
 * Test-only: the module's start-up check of where this deployment's Nimbus classes came from
 * ({@link NimbusOrigin#mixed}), evaluated inside the server: the warning it logs, or {@code none}.
 */
@WebServlet("/support/nimbus-origin")
public class NimbusOriginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String verdict =
        NimbusOrigin.mixed(
                NimbusOrigin.Loaded.of("oauth2-oidc-sdk", TokenRequest.class),
                List.of(
                    NimbusOrigin.Loaded.of("nimbus-jose-jwt", JWSObject.class),
                    NimbusOrigin.Loaded.of("json-smart", JSONObject.class)))
            .orElse("none");
    resp.setContentType("text/plain");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(verdict);
  }
}
