package io.graphupload.core;

import java.util.List;

/**
 * A new message to create as a draft, before its attachments go on and it is sent.
 *
 * @param subject the subject line
 * @param body the body text
 * @param html whether {@code body} is HTML (needed for inline images, {@code <img src="cid:..">})
 * @param to recipients' addresses; at least one among to, cc and bcc
 * @param cc carbon-copy addresses
 * @param bcc blind-copy addresses
 */
public record Draft(
    String subject, String body, boolean html, List<String> to, List<String> cc, List<String> bcc) {

  public Draft {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw new IllegalArgumentException("A message needs at least one recipient; add --to");
    }
    for (List<String> addresses : List.of(to, cc, bcc)) {
      for (String address : addresses) {
        if (address.isBlank() || !address.contains("@")) {
          throw new IllegalArgumentException(
              "'" + address + "' is not an email address; write it as name@example.com");
        }
      }
    }
  }
}
