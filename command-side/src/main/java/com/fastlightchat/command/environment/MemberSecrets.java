package com.fastlightchat.command.environment;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The environments' member secrets, encrypted with {@code flc.command.secrets-key} in the command side's own table
 * (never in an event, never on Kafka), and the check of an end user's member hash against them:
 * {@code memberHash = hex(HMAC-SHA256(key = UTF-8 bytes of the member secret, message = UTF-8 bytes of memberId))}.
 */
@Component
public class MemberSecrets implements MemberSecretStore {

    private final JdbcClient jdbc;
    private final SecretBox box;

    public MemberSecrets(JdbcClient jdbc, CommandSideProperties properties) {
        this.jdbc = jdbc;
        this.box = SecretBox.fromBase64(properties.secretsKey());
    }

    @Override
    public void store(OrganizationId organizationId, EnvironmentId environmentId, String memberSecret) {
        jdbc.sql("""
                        insert into environment_member_secrets (environment_id, organization_id, sealed_secret, fingerprint)
                        values (:env, :org, :sealed, :fingerprint)
                        on conflict (environment_id) do update set sealed_secret = excluded.sealed_secret,
                          fingerprint = excluded.fingerprint""")
                .param("env", environmentId.value())
                .param("org", organizationId.value())
                .param("sealed", box.seal(memberSecret, environmentId.value()))
                .param("fingerprint", EnvironmentSecrets.fingerprint(memberSecret))
                .update();
    }

    /** Whether {@code memberHash} signs {@code memberId} with the environment's current member secret. */
    public boolean verifies(EnvironmentId environmentId, String memberId, String memberHash) {
        if (memberId == null || memberHash == null) {
            return false;
        }
        Optional<byte[]> sealed = jdbc.sql("select sealed_secret from environment_member_secrets where environment_id = :env")
                .param("env", environmentId.value())
                .query((rs, n) -> rs.getBytes(1))
                .optional();
        if (sealed.isEmpty()) {
            return false;
        }
        String expected = sign(box.open(sealed.get(), environmentId.value()), memberId);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                memberHash.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The member hash of {@code memberId} under {@code memberSecret}, as a customer's backend computes it. */
    public static String sign(String memberSecret, String memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memberSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(memberId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
