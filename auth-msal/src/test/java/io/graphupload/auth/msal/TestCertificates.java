package io.graphupload.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Makes self-signed RSA certificates with the JDK's keytool, offline. */
final class TestCertificates {
  static final String PASSWORD = "store-password-1";

  /** A PKCS#12 file and what it holds. */
  record Generated(Path pkcs12, PrivateKey key, X509Certificate certificate) {}

  private TestCertificates() {}

  static Generated create(Path directory, String alias) throws Exception {
    Path store = directory.resolve(alias + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-sigalg",
                "SHA256withRSA",
                "-dname",
                "CN=graph-upload test " + alias,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-noprompt")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();

    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    PrivateKey key = (PrivateKey) keyStore.getKey(alias, PASSWORD.toCharArray());
    X509Certificate certificate = (X509Certificate) keyStore.getCertificate(alias);
    return new Generated(store, key, certificate);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Returns the PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (its OCTET STRING). */
  static byte[] pkcs1(byte[] pkcs8) {
    int offset = skipHeader(pkcs8, 0); // into SEQUENCE
    offset = skipElement(pkcs8, offset); // INTEGER version
    offset = skipElement(pkcs8, offset); // AlgorithmIdentifier
    int contentStart = skipHeader(pkcs8, offset);
    int length = elementEnd(pkcs8, offset) - contentStart;
    byte[] result = new byte[length];
    System.arraycopy(pkcs8, contentStart, result, 0, length);
    return result;
  }

  private static int skipHeader(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    return offset + 2 + (first < 0x80 ? 0 : first & 0x7f);
  }

  private static int skipElement(byte[] der, int offset) {
    return elementEnd(der, offset);
  }

  private static int elementEnd(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    if (first < 0x80) {
      return offset + 2 + first;
    }
    int count = first & 0x7f;
    int length = 0;
    for (int i = 0; i < count; i++) {
      length = (length << 8) | (der[offset + 2 + i] & 0xff);
    }
    return offset + 2 + count + length;
  }
}
