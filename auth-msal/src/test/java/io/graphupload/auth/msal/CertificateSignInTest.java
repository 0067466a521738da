package io.graphupload.auth.msal;

import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.auth.msal.TestCertificates.Generated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CertificateSignInTest {
  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir static Path certificates;
  @TempDir Path state;

  private static Generated app;
  private static Generated other;

  @BeforeAll
  static void createCertificates() throws Exception {
    app = TestCertificates.create(certificates, "app");
    other = TestCertificates.create(certificates, "other");
  }

  @Test
  void pkcs12CertificateSignsTheClientAssertion() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("cert-token"));

    String token = source(app.pkcs12(), TestCertificates.PASSWORD).token(Set.of());

    assertThat(token).isEqualTo("cert-token");
    assertSignedAssertion(app.certificate());
  }

  @Test
  void pemKeyAndCertificateSignTheClientAssertion() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("pem-token"));
    Path pem =
        write(
            "app.pem",
            TestCertificates.pem("PRIVATE KEY", app.key().getEncoded())
                + TestCertificates.pem("CERTIFICATE", app.certificate().getEncoded()));

    String token = source(pem, null).token(Set.of());

    assertThat(token).isEqualTo("pem-token");
    assertSignedAssertion(app.certificate());
  }

  @Test
  void pkcs1KeyAfterItsCertificateIsAccepted() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("pkcs1-token"));
    Path pem =
        write(
            "pkcs1.pem",
            TestCertificates.pem("CERTIFICATE", other.certificate().getEncoded())
                + TestCertificates.pem("CERTIFICATE", app.certificate().getEncoded())
                + TestCertificates.pem(
                    "RSA PRIVATE KEY", TestCertificates.pkcs1(app.key().getEncoded())));

    source(pem, null).token(Set.of());

    assertSignedAssertion(app.certificate());
  }

  @Test
  void encryptedPemKeyOpensWithItsPassword() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("encrypted-token"));
    Path pem =
        write(
            "encrypted.pem",
            TestCertificates.pem("ENCRYPTED PRIVATE KEY", encrypt(app.key().getEncoded(), "pw-2"))
                + TestCertificates.pem("CERTIFICATE", app.certificate().getEncoded()));

    source(pem, "pw-2").token(Set.of());

    assertSignedAssertion(app.certificate());
  }

  @Test
  void wrongPemPasswordSaysHowToFixIt() throws Exception {
    Path pem =
        write(
            "wrong-password.pem",
            TestCertificates.pem("ENCRYPTED PRIVATE KEY", encrypt(app.key().getEncoded(), "pw-2"))
                + TestCertificates.pem("CERTIFICATE", app.certificate().getEncoded()));

    assertThatThrownBy(() -> source(pem, "not-pw-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The private key in "
                + pem
                + " cannot be decrypted: the password is wrong, or the cipher is not AES, the only"
                + " one Java reads here (openssl req uses Triple DES unless told otherwise). Check"
                + " 'certificate-password', or re-encrypt the key with: openssl pkcs8 -topk8 -v2"
                + " aes-256-cbc -in key.pem -out key-aes.pem");
  }

  @Test
  void wrongPkcs12PasswordNamesTheSetting() {
    assertThatThrownBy(() -> source(app.pkcs12(), "wrong"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The PKCS#12 file "
                + app.pkcs12()
                + " cannot be opened with the password given; set 'certificate-password' or"
                + " GRAPH_UPLOAD_CERTIFICATE_PASSWORD to its password. A PEM file must contain"
                + " '-----BEGIN'.");
  }

  @Test
  void pemWithoutItsKeyIsRefusedWithTheFix() throws Exception {
    Path pem =
        write("cert-only.pem", TestCertificates.pem("CERTIFICATE", app.certificate().getEncoded()));

    assertThatThrownBy(() -> source(pem, null))
        .hasMessage(
            "The PEM file "
                + pem
                + " must hold both the private key and the certificate; it lacks the private key."
                + " Concatenate both into one file, such as: cat key.pem cert.pem > app.pem");
  }

  @Test
  void keyOfAnotherCertificateIsRefused() throws Exception {
    Path pem =
        write(
            "mismatch.pem",
            TestCertificates.pem("PRIVATE KEY", other.key().getEncoded())
                + TestCertificates.pem("CERTIFICATE", app.certificate().getEncoded()));

    assertThatThrownBy(() -> source(pem, null))
        .hasMessage(
            "The private key in "
                + pem
                + " does not belong to any certificate in it; put the key and its own certificate"
                + " in the file.");
  }

  @Test
  void missingCertificateFileIsNamed() {
    Path missing = certificates.resolve("absent.pem");

    assertThatThrownBy(() -> source(missing, null))
        .hasMessage(
            "The certificate file "
                + missing
                + " does not exist; check the 'certificate' setting.");
  }

  @Test
  void unregisteredCertificateIsExplained() {
    FakeEntra.stubToken(
        entra,
        TENANT_ID,
        FakeEntra.error(
            401,
            "invalid_client",
            "AADSTS700027: The certificate with identifier used to sign the client assertion is"
                + " not registered on application."));
    MsalTokenSource source = source(app.pkcs12(), TestCertificates.PASSWORD);

    assertThatThrownBy(() -> source.token(Set.of()))
        .hasMessage(
            "The certificate was refused: it is not registered on app "
                + CLIENT_ID
                + ". Upload its public part (.cer or .pem) under Certificates & secrets in the app"
                + " registration. (Entra ID: AADSTS700027, correlation id"
                + " c0ffee00-1111-2222-3333-444455556666)");
  }

  private MsalTokenSource source(Path certificate, String password) {
    Map<String, String> values = new HashMap<>();
    values.put(MsalTokenSourceProvider.TENANT_ID, TENANT_ID);
    values.put(MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID);
    values.put(MsalTokenSourceProvider.CERTIFICATE, certificate.toString());
    if (password != null) {
      values.put(MsalTokenSourceProvider.CERTIFICATE_PASSWORD, password);
    }
    SignInSettings settings = FakeEntra.settings(state, values);
    assertThat(settings.flow()).isEqualTo(Flow.CERTIFICATE);
    return FakeEntra.source(entra, settings).build();
  }

  /** Checks the assertion's header, claims and signature against {@code certificate}. */
  private void assertSignedAssertion(X509Certificate certificate) throws Exception {
    Map<String, String> form = FakeEntra.tokenRequests(entra, TENANT_ID).get(0);
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");
    String[] jwt = form.get("client_assertion").split("\\.");
    String header = decode(jwt[0]);
    String claims = decode(jwt[1]);
    String thumbprint =
        Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    assertThat(header)
        .contains("\"alg\":\"RS256\"")
        .contains("\"x5t#S256\":\"" + thumbprint + "\"");
    assertThat(claims)
        .contains("\"iss\":\"" + CLIENT_ID + "\"")
        .contains("\"sub\":\"" + CLIENT_ID + "\"")
        .contains(
            "\"aud\":\"https://login.microsoftonline.com/" + TENANT_ID + "/oauth2/v2.0/token\"");
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initVerify(certificate.getPublicKey());
    signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(signature.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(certificates.resolve(name), content);
  }

  /** Encrypts a PKCS#8 key with PBES2 (PBKDF2 with HMAC-SHA256, AES-256), as openssl does. */
  private static byte[] encrypt(byte[] pkcs8, String password) throws Exception {
    String algorithm = "PBEWithHmacSHA256AndAES_256";
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(salt);
    new SecureRandom().nextBytes(iv);
    SecretKey key =
        SecretKeyFactory.getInstance(algorithm)
            .generateSecret(new PBEKeySpec(password.toCharArray()));
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(
        Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
    AlgorithmParameters parameters = cipher.getParameters();
    // Java 17 cannot name PBES2 parameters in EncryptedPrivateKeyInfo's constructor, so the DER
    // is put together here: SEQUENCE { SEQUENCE { id-PBES2, parameters }, OCTET STRING }.
    byte[] pbes2 = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 5, 13};
    byte[] algorithmId = der(0x30, concat(pbes2, parameters.getEncoded()));
    byte[] info = der(0x30, concat(algorithmId, der(0x04, cipher.doFinal(pkcs8))));
    new EncryptedPrivateKeyInfo(info); // checks that it parses
    return info;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] result = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, result, first.length, second.length);
    return result;
  }

  private static byte[] der(int tag, byte[] content) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(tag);
    if (content.length < 0x80) {
      out.write(content.length);
    } else {
      out.write(0x82);
      out.write(content.length >> 8);
      out.write(content.length & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
