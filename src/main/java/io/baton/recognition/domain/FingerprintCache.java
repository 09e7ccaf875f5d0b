package io.baton.recognition.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.dynatrace.hash4j.hashing.HashValue128;

/**
 * The most recently used image fingerprints (or anything else computed from content) by content hash (least recently used evicted). A
 * handset model that re-encodes the seed produces the same bytes for every user of that model,
 * so most modified forwards are decoded once.
 */
final class FingerprintCache<V> {

    private final Map<HashValue128, Optional<V>> entries;

    FingerprintCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<HashValue128, Optional<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<V> get(HashValue128 key, Supplier<Optional<V>> compute) {
        synchronized (entries) {
            Optional<V> hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Optional<V> value = compute.get(); // outside the lock: decoding takes milliseconds
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
