package io.recruitsuite.common.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;

/**
 * Signs a JWT (ES256) for the operator scripts: {@code ./suite token} mints a dashboard session with the
 * local dashboard key, the gateway benchmark an internal token with the local internal key. Usage:
 * {@code TokenMint <private-key.pem> '<claims as a JSON object>'}; the compact token goes to standard output.
 */
public final class TokenMint {

    private TokenMint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TokenMint PRIVATE_KEY_PEM CLAIMS_JSON");
            System.exit(2);
        }
        Map<String, Object> claims = new ObjectMapper().readValue(args[1], new TypeReference<Map<String, Object>>() {
        });
        System.out.println(sign(Path.of(args[0]), claims));
    }

    public static String sign(Path pem, Map<String, Object> claims) throws Exception {
        PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(pem), SignatureAlgorithm.ES256);
        return Jwt.claims(claims).jws().algorithm(SignatureAlgorithm.ES256).sign(key);
    }
}
