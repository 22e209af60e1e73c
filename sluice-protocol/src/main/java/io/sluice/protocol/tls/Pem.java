package io.sluice.protocol.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Reads and writes certificates and private keys as PEM, the format every TLS tool understands. */
public final class Pem {

  private Pem() {}

  public static String certificates(List<X509Certificate> chain) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (X509Certificate certificate : chain) {
        writer.writeObject(certificate);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A private key as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}). */
  public static String privateKey(PrivateKey key) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Every certificate in a PEM file, in order (a chain: leaf first). */
  public static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> result = new ArrayList<>();
    for (Object item : readAll(file)) {
      if (item instanceof X509CertificateHolder holder) {
        try {
          result.add(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
          throw new TlsSetupException(
              file + " holds a certificate Java cannot read: " + e.getMessage(),
              "re-issue it with sluice cert");
        }
      }
    }
    if (result.isEmpty()) {
      throw new TlsSetupException(
          file + " holds no certificate (expected -----BEGIN CERTIFICATE-----)",
          "point the setting at the .crt/.pem file that sluice cert wrote");
    }
    return result;
  }

  public static PrivateKey readPrivateKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object item : readAll(file)) {
      try {
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (item instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      } catch (IOException e) {
        throw new TlsSetupException(
            file + " holds a private key Java cannot read: " + e.getMessage(),
            "re-issue it with sluice cert");
      }
    }
    throw new TlsSetupException(
        file + " holds no unencrypted private key (expected -----BEGIN PRIVATE KEY-----)",
        "point the setting at the .key file that sluice cert wrote");
  }

  public static void write(Path file, String pem, boolean secret) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
      if (secret) {
        try {
          Files.setPosixFilePermissions(
              file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // the folder's ACL applies
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Object> readAll(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TlsSetupException(
          file + " does not exist", "create it with sluice cert, or fix the path in the config");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Object> items = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object item;
      while ((item = parser.readObject()) != null) {
        items.add(item);
      }
    } catch (IOException e) {
      throw new TlsSetupException(
          file + " is not a PEM file: " + e.getMessage(), "expected text starting with -----BEGIN");
    }
    return items;
  }
}
