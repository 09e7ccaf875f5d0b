package io.baton.prize.domain.draw;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 over a receipt's canonical text. The pool and the seed bind the picks; the signature
 * binds the rest (campaign, tier, cutoff, source), so that no bit of a receipt can change
 * unnoticed. The public key is published with the close commitment, before the seed exists.
 * Keys travel base64: private as PKCS#8, public as X.509 SubjectPublicKeyInfo.
 */
public final class DrawSignature {

    private static final String ALGORITHM = "Ed25519";

    /** A draw's key pair, base64. */
    public record Keys(String privateKey, String publicKey) {

        @Override
        public String toString() {
            return "Keys[publicKey=" + publicKey + "]"; // the private key never reaches a log
        }
    }

    private DrawSignature() {
    }

    public static Keys newKeys() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            return new Keys(b64.encodeToString(pair.getPrivate().getEncoded()),
                    b64.encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is in every Java 15+ runtime", e);
        }
    }

    public static String sign(String privateKey, byte[] text) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(text);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the draw's private key is unusable", e);
        }
    }

    /**
     * Whether {@code signature} is {@code publicKey}'s over {@code text}; malformed input is false.
     * Both must be canonical base64: a decoder ignores the unused low bits of the last character,
     * so without that check a changed bit there would still verify.
     */
    public static boolean verify(String publicKey, byte[] text, String signature) {
        try {
            byte[] keyBytes = canonicalBase64(publicKey);
            byte[] signatureBytes = canonicalBase64(signature);
            if (keyBytes == null || signatureBytes == null) {
                return false;
            }
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(keyBytes));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(text);
            return s.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The bytes of {@code text} when it is exactly their standard base64 encoding; null otherwise. */
    static byte[] canonicalBase64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
    }
}
