package io.baton.recognition.domain.image;

/** The k-th smallest of a float array by quickselect: a median without sorting (medians run per hash and per block comparison). */
final class Select {

    private Select() {
    }

    /**
     * The value that {@code java.util.Arrays.sort(a, 0, n)} would put at index {@code k}; reorders
     * {@code a[0..n)}. No NaN allowed.
     */
    static float kth(float[] a, int n, int k) {
        if (k < 0 || k >= n || n > a.length) {
            throw new IllegalArgumentException("index " + k + " of " + n + " values");
        }
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            // median of three as pivot keeps sorted and reversed input linear
            int mid = (lo + hi) >>> 1;
            float p = medianOf(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOf(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
