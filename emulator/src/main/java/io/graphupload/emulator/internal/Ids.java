package io.graphupload.emulator.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers shaped like the ones Outlook and OneDrive hand out. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Ids() {}

  /**
   * An Exchange-style item id: URL-safe base64 that keeps its {@code =} padding, so clients that
   * mangle {@code -}, {@code _} or {@code =} in paths fail here as they would against Outlook.
   */
  static String outlookId() {
    return "AAMk" + Base64.getUrlEncoder().encodeToString(randomBytes(71));
  }

  /** An opaque secret for an upload URL's query string. */
  static String secret() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
  }

  static String driveId() {
    return "b!" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(36));
  }

  static String driveItemId() {
    StringBuilder id = new StringBuilder("01");
    for (int i = 0; i < 32; i++) {
      id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    return id.toString();
  }

  static String requestId() {
    return UUID.randomUUID().toString();
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
