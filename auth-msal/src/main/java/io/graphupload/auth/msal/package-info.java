/**
 * Signing in to Microsoft Graph with MSAL4J: {@link io.graphupload.auth.msal.MsalTokenSource}
 * implements core's access-token source for application (client secret, certificate), delegated
 * (device code, browser) and managed-identity sign-in, with a token cache persisted in an
 * owner-only file.
 *
 * <p>Parameters, return values and record components are non-null unless marked {@link
 * io.graphupload.core.Nullable}.
 */
package io.graphupload.auth.msal;
