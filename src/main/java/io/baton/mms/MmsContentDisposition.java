package io.baton.mms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Content-Disposition of a part: {@code form-data}, {@code attachment}, {@code inline} or a token,
 * with parameters keyed by lower-case name (typically {@code filename}).
 */
public record MmsContentDisposition(String disposition, Map<String, String> parameters) {

    public MmsContentDisposition {
        Objects.requireNonNull(disposition, "disposition");
        Map<String, String> copy = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v, k)));
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }
}
