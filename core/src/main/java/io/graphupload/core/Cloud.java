package io.graphupload.core;

import java.net.URI;

/** A Microsoft cloud and its endpoints. */
public enum Cloud {
  GLOBAL("https://graph.microsoft.com", "https://login.microsoftonline.com", true),
  CHINA("https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn", true),
  US_GOV_L4("https://graph.microsoft.us", "https://login.microsoftonline.us", false),
  US_GOV_L5("https://dod-graph.microsoft.us", "https://login.microsoftonline.us", false);

  private final URI graphEndpoint;
  private final URI authority;
  private final boolean outlookUploadSessions;

  Cloud(String graphEndpoint, String authority, boolean outlookUploadSessions) {
    this.graphEndpoint = URI.create(graphEndpoint);
    this.authority = URI.create(authority);
    this.outlookUploadSessions = outlookUploadSessions;
  }

  /** Returns the Graph root, without an API version. */
  public URI graphEndpoint() {
    return graphEndpoint;
  }

  /** Returns the sign-in authority's root, without a tenant. */
  public URI authority() {
    return authority;
  }

  /** Returns whether Outlook offers attachment upload sessions in this cloud. */
  public boolean hasOutlookUploadSessions() {
    return outlookUploadSessions;
  }
}
