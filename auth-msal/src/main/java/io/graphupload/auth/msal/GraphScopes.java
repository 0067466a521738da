package io.graphupload.auth.msal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Turns Graph permission names into the scopes Entra ID expects for one cloud. */
final class GraphScopes {
  /**
   * Scopes MSAL adds to every delegated request by itself; asking for them again breaks cache hits.
   */
  private static final Set<String> OPENID_SCOPES =
      Set.of("openid", "profile", "offline_access", "email");

  private GraphScopes() {}

  /** Returns {@code {graph}/.default}: every permission granted to the app, for app-only tokens. */
  static Set<String> application(URI graphEndpoint) {
    return Set.of(root(graphEndpoint) + "/.default");
  }

  /**
   * Returns {@code permissions} as scopes of this cloud's Graph, such as {@code
   * https://graph.microsoft.com/Mail.ReadWrite}; scopes that already name a resource stay as they
   * are. No permissions at all means {@code {graph}/.default}, the permissions configured on the
   * app registration.
   */
  static Set<String> delegated(URI graphEndpoint, Set<String> permissions) {
    Set<String> scopes = new TreeSet<>();
    for (String permission : permissions) {
      String trimmed = permission.strip();
      if (trimmed.isEmpty() || OPENID_SCOPES.contains(trimmed.toLowerCase(Locale.ROOT))) {
        continue;
      }
      scopes.add(trimmed.contains("://") ? trimmed : root(graphEndpoint) + "/" + trimmed);
    }
    return scopes.isEmpty() ? application(graphEndpoint) : scopes;
  }

  private static String root(URI graphEndpoint) {
    String text = graphEndpoint.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
