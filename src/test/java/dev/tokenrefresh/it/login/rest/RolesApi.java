package dev.tokenrefresh.it.login.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The login test WAR's Jakarta REST application under {@code /api}, its resources found by
 * scanning. Role enforcement on its resources is switched on in {@code war/login-web.xml}, which
 * names this class as its servlet: RESTEasy (WildFly) by the context parameter {@code
 * resteasy.role.based.security}; Payara enforces it by default ({@code
 * jaxrs-roles-allowed-enabled}), and the servlet's init parameter {@code
 * jersey.config.server.provider.classnames} registers Jersey's {@code RolesAllowedDynamicFeature}
 * too (a class name, so WildFly never needs Jersey). A security constraint on {@code /api/*} makes
 * the login mechanism authenticate there (401 or a redirect without a session).
 */
@ApplicationPath("api")
public class RolesApi extends Application {}
