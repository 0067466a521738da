package io.graphupload.auth.msal;

import io.graphupload.core.Nullable;

/**
 * Who tokens are issued to: a signed-in person, an application or a managed identity. Carries no
 * token or secret.
 *
 * @param kind what sort of identity this is
 * @param name the person's user name, the application's client id, or the managed identity's client
 *     id ({@code system-assigned} for a system-assigned one)
 * @param tenantId the directory the identity belongs to: the person's home tenant, the
 *     application's configured tenant, or null when unknown (managed identity)
 * @param flow the flow that signs this identity in
 */
public record Identity(Kind kind, String name, @Nullable String tenantId, Flow flow) {

  /** What sort of identity signs in. */
  public enum Kind {
    /** A person with a work, school or personal Microsoft account (delegated permissions). */
    USER,
    /** An app registration acting as itself (application permissions). */
    APPLICATION,
    /** An Azure managed identity (application permissions). */
    MANAGED_IDENTITY
  }

  /** Returns a short description such as {@code user ada@contoso.com in tenant 72f9...}. */
  public String describe() {
    String who =
        switch (kind) {
          case USER -> "user " + name;
          case APPLICATION -> "application " + name;
          case MANAGED_IDENTITY -> "managed identity " + name;
        };
    return tenantId == null ? who : who + " in tenant " + tenantId;
  }
}
