package org.kairan.app.login;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an {@code otpauth://totp/Issuer:account?secret=...&issuer=...} URI a person may need when
 * their phone cannot scan the QR code: the secret (grouped in fours for typing) and the account label.
 */
public record EnrolmentUri(String uri, String secret, String issuer, String account) {

    public static EnrolmentUri parse(String otpauthUri) {
        URI parsed = URI.create(otpauthUri);
        Map<String, String> query = new LinkedHashMap<>();
        String raw = parsed.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq).toLowerCase(Locale.ROOT),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String label = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
        String issuer = query.getOrDefault("issuer", "");
        String account = label;
        int colon = label.indexOf(':');
        if (colon >= 0) {
            if (issuer.isEmpty()) {
                issuer = label.substring(0, colon);
            }
            account = label.substring(colon + 1).strip();
        }
        return new EnrolmentUri(otpauthUri, query.getOrDefault("secret", ""), issuer, account);
    }

    /** The secret in groups of four, e.g. {@code JBSW Y3DP EHPK 3PXP}. */
    public String groupedSecret() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(secret.charAt(i));
        }
        return out.toString();
    }
}
