package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCertificate;
import io.graphupload.core.Nullable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an application's certificate: a PEM file with an RSA private key (PKCS#8, encrypted PKCS#8
 * or PKCS#1) and its certificate chain, or a PKCS#12 file.
 */
final class Certificates {
  private static final Logger log = LoggerFactory.getLogger(Certificates.class);

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** The DER of AlgorithmIdentifier { rsaEncryption, NULL }, for wrapping PKCS#1 keys. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private Certificates() {}

  /**
   * Returns the credential in {@code file}.
   *
   * @throws IllegalArgumentException naming the file, what is wrong and how to fix it
   */
  static IClientCertificate load(Path file, @Nullable String password) {
    byte[] bytes = read(file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    KeyAndChain loaded =
        text.contains("-----BEGIN ") ? pem(file, text, password) : pkcs12(file, bytes, password);

    List<X509Certificate> chain = leafFirst(file, loaded);
    warnIfExpired(file, chain.get(0));
    return ClientCredentialFactory.createFromCertificateChain(loaded.key(), chain);
  }

  private record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {}

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "The certificate file " + file + " does not exist; check the 'certificate' setting.", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "The certificate file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static KeyAndChain pem(Path file, String text, @Nullable String password) {
    PrivateKey key = null;
    List<X509Certificate> chain = new ArrayList<>();
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      String body = block.group(2);
      if (type.equals("CERTIFICATE")) {
        chain.add(certificate(file, body));
      } else if (type.endsWith("PRIVATE KEY")) {
        key = privateKey(file, type, body, password);
      }
    }
    if (key == null || chain.isEmpty()) {
      throw new IllegalArgumentException(
          "The PEM file "
              + file
              + " must hold both the private key and the certificate; it lacks the "
              + (key == null ? "private key" : "certificate")
              + ". Concatenate both into one file, such as: cat key.pem cert.pem > app.pem");
    }
    return new KeyAndChain(key, chain);
  }

  private static X509Certificate certificate(Path file, String body) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate)
          factory.generateCertificate(new ByteArrayInputStream(decode(file, body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The certificate in " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(
      Path file, String type, String body, @Nullable String password) {
    if (body.contains("Proc-Type:")) {
      throw new IllegalArgumentException(
          "The private key in "
              + file
              + " is encrypted in OpenSSL's legacy format, which Java cannot read. Convert it:"
              + " openssl pkcs8 -topk8 -in old.pem -out key.pem (add -nocrypt to leave it"
              + " unencrypted).");
    }
    byte[] der = decode(file, body);
    return switch (type) {
      case "RSA PRIVATE KEY" -> rsaKey(file, wrapPkcs1(der));
      case "ENCRYPTED PRIVATE KEY" -> rsaKey(file, decrypt(file, der, password));
      case "PRIVATE KEY" -> rsaKey(file, der);
      default ->
          throw new IllegalArgumentException(
              "The "
                  + type
                  + " in "
                  + file
                  + " is not an RSA key; Entra ID signs in applications with RSA certificates"
                  + " only.");
    };
  }

  private static byte[] decrypt(Path file, byte[] der, @Nullable String password) {
    if (password == null) {
      throw new IllegalArgumentException(
          "The private key in "
              + file
              + " is encrypted; set 'certificate-password' or GRAPH_UPLOAD_CERTIFICATE_PASSWORD.");
    }
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      // For PBES2 the algorithm name is only "PBES2"; its parameters name the real cipher.
      String algorithm =
          info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
      SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
      Key secret = factory.generateSecret(new PBEKeySpec(password.toCharArray()));
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
      return info.getKeySpec(cipher).getEncoded();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The private key in "
              + file
              + " cannot be decrypted: the password is wrong, or the cipher is not AES, the only"
              + " one Java reads here (openssl req uses Triple DES unless told otherwise). Check"
              + " 'certificate-password', or re-encrypt the key with: openssl pkcs8 -topk8 -v2"
              + " aes-256-cbc -in key.pem -out key-aes.pem",
          e);
    }
  }

  private static PrivateKey rsaKey(Path file, byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The private key in "
              + file
              + " is not an RSA key that Java can read; Entra ID signs in applications with RSA"
              + " certificates only.",
          e);
    }
  }

  /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo, which Java can read. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(new byte[] {0x02, 0x01, 0x00});
    content.writeBytes(RSA_ALGORITHM);
    content.writeBytes(derElement(0x04, pkcs1));
    return derElement(0x30, content.toByteArray());
  }

  private static byte[] derElement(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.write((length >>> shift) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] decode(Path file, String body) {
    try {
      return Base64.getMimeDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The PEM file " + file + " is damaged: " + e.getMessage());
    }
  }

  private static KeyAndChain pkcs12(Path file, byte[] bytes, @Nullable String password) {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), secret);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getKey(alias, secret) instanceof PrivateKey key) {
          return new KeyAndChain(key, x509(store.getCertificateChain(alias)));
        }
      }
      throw new IllegalArgumentException(
          "The PKCS#12 file " + file + " holds no private key; export it with its private key.");
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException || password == null) {
        throw new IllegalArgumentException(
            "The PKCS#12 file "
                + file
                + " cannot be opened with "
                + (password == null ? "no password" : "the password given")
                + "; set 'certificate-password' or GRAPH_UPLOAD_CERTIFICATE_PASSWORD to its"
                + " password. A PEM file must contain '-----BEGIN'.",
            e);
      }
      throw new IllegalArgumentException(
          "The certificate file " + file + " is neither PEM nor PKCS#12: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The PKCS#12 file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> x509(@Nullable Certificate[] chain) {
    List<X509Certificate> result = new ArrayList<>();
    if (chain != null) {
      for (Certificate certificate : chain) {
        result.add((X509Certificate) certificate);
      }
    }
    return result;
  }

  /** Returns the chain with the key's own certificate first, as the client assertion needs. */
  private static List<X509Certificate> leafFirst(Path file, KeyAndChain loaded) {
    List<X509Certificate> chain = new ArrayList<>(loaded.chain());
    for (X509Certificate certificate : loaded.chain()) {
      if (matches(loaded.key(), certificate)) {
        chain.remove(certificate);
        chain.add(0, certificate);
        return chain;
      }
    }
    throw new IllegalArgumentException(
        "The private key in "
            + file
            + " does not belong to any certificate in it; put the key and its own certificate"
            + " in the file.");
  }

  private static boolean matches(PrivateKey key, X509Certificate certificate) {
    return key instanceof RSAPrivateKey rsa
        && certificate.getPublicKey() instanceof RSAPublicKey publicKey
        && rsa.getModulus().equals(publicKey.getModulus());
  }

  private static void warnIfExpired(Path file, X509Certificate certificate) {
    if (certificate.getNotAfter().before(new Date())) {
      log.warn(
          "The certificate in {} expired on {}; Entra ID refuses expired certificates. Create a new"
              + " one and upload it to the app registration.",
          file,
          certificate.getNotAfter().toInstant());
    }
  }
}
