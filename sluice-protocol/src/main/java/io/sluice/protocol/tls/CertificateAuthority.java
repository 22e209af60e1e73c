package io.sluice.protocol.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's own certificate authority. Masters and workers trust it instead of each other's
 * certificates, so adding a master or a worker never means installing certificates on every other
 * node (SSIS's manual per-node step). Keys are ECDSA P-256: fast to make, accepted by every TLS 1.2
 * and 1.3 stack.
 */
public final class CertificateAuthority {

  public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);
  public static final Duration DEFAULT_LEAF_VALIDITY = Duration.ofDays(825);

  private static final SecureRandom random = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey key;

  public CertificateAuthority(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /** A new self-signed CA named {@code name}. */
  public static CertificateAuthority create(String name, Duration validity) {
    KeyPair pair = newKeyPair();
    X500Name subject = name(name);
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              serial(),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(validity)),
              subject,
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(pair.getPublic()));
      return new CertificateAuthority(sign(builder, pair.getPrivate()), pair.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot create the CA certificate", e);
    }
  }

  /** The CA in {@code <folder>/ca.crt} and {@code ca.key}, as {@link #writePem} leaves it. */
  public static CertificateAuthority load(Path folder) {
    X509Certificate certificate = Pem.readCertificates(folder.resolve("ca.crt")).get(0);
    PrivateKey key = Pem.readPrivateKey(folder.resolve("ca.key"));
    return new CertificateAuthority(certificate, key);
  }

  public void writePem(Path folder) {
    Pem.write(folder.resolve("ca.crt"), Pem.certificates(List.of(certificate)), false);
    Pem.write(folder.resolve("ca.key"), Pem.privateKey(key), true);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * A master's server certificate. {@code names} are every host name and IP address a worker may
   * use to reach it: each master host and the cluster's shared name (DNS, VIP, load balancer).
   */
  public IssuedCertificate issueServer(List<String> names, Duration validity) {
    if (names.isEmpty()) {
      throw new TlsSetupException(
          "a master certificate needs at least one name",
          "give every name workers use: --name master1.example.com --name 10.0.0.5");
    }
    List<GeneralName> alternatives = new ArrayList<>();
    for (String n : names) {
      alternatives.add(
          isIpAddress(n)
              ? new GeneralName(GeneralName.iPAddress, n)
              : new GeneralName(GeneralName.dNSName, n));
    }
    return issue(
        name(names.get(0)),
        validity,
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
  }

  /** A worker's client certificate: its identity. */
  public IssuedCertificate issueClient(String name, Duration validity) {
    return issue(name(name), validity, KeyPurposeId.id_kp_clientAuth, null);
  }

  /**
   * An administrator's client certificate for the management API. Its subject carries the unit
   * {@value #ADMINISTRATORS_UNIT}, which is what tells a master it is not a worker's: a worker
   * certificate is refused on admin endpoints, and an admin certificate on the worker API.
   */
  public IssuedCertificate issueAdministrator(String name, Duration validity) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Sluice")
            .addRDN(BCStyle.OU, ADMINISTRATORS_UNIT)
            .addRDN(BCStyle.CN, name)
            .build();
    return issue(subject, validity, KeyPurposeId.id_kp_clientAuth, null);
  }

  /** The organizational unit of administrator certificates. */
  public static final String ADMINISTRATORS_UNIT = "Sluice Administrators";

  /** Whether a (verified) client certificate is an administrator's. */
  public static boolean isAdministrator(X509Certificate certificate) {
    return rdn(certificate, BCStyle.OU).contains(ADMINISTRATORS_UNIT);
  }

  /** The common name of a certificate's subject ("" if it has none). */
  public static String commonName(X509Certificate certificate) {
    List<String> names = rdn(certificate, BCStyle.CN);
    return names.isEmpty() ? "" : names.get(0);
  }

  private static List<String> rdn(
      X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    List<String> values = new ArrayList<>();
    for (org.bouncycastle.asn1.x500.RDN rdn : subject.getRDNs(type)) {
      values.add(
          org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdn.getFirst().getValue()));
    }
    return values;
  }

  private IssuedCertificate issue(
      X500Name subject, Duration validity, KeyPurposeId purpose, GeneralNames alternatives) {
    String commonName = subject.toString();
    KeyPair pair = newKeyPair();
    Instant now = Instant.now();
    Instant notAfter = now.plus(validity);
    if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
      notAfter = certificate.getNotAfter().toInstant(); // never outlive the CA
    }
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              certificate,
              serial(),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(notAfter),
              subject,
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(pair.getPublic()));
      if (alternatives != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternatives);
      }
      X509Certificate issued = sign(builder, key);
      return new IssuedCertificate(issued, pair.getPrivate(), List.of(issued, certificate));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "Sluice")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static BigInteger serial() {
    return new BigInteger(127, random);
  }

  private static boolean isIpAddress(String name) {
    if (!name.matches("[0-9.]+") && !name.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(name); // literal addresses are parsed, not looked up
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
