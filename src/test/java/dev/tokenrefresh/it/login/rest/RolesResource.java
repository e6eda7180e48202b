package dev.tokenrefresh.it.login.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/roles/user} for callers in the test user's group ({@code user}) and {@code GET
 * /api/roles/admin} for a role the test user lacks, both guarded by {@code @RolesAllowed} alone
 * (the WAR's security constraint admits both roles, so a 403 on {@code admin} can only come from
 * the REST runtime). Each answers the caller's name as JSON.
 */
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

  @Context SecurityContext security;

  @GET
  @Path("user")
  @RolesAllowed("user")
  public String user() {
    return caller();
  }

  @GET
  @Path("admin")
  @RolesAllowed("admin")
  public String admin() {
    return caller();
  }

  private String caller() {
    return "{\"caller\":\"" + security.getUserPrincipal().getName() + "\"}";
  }
}
