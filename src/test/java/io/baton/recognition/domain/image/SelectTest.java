package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SelectTest {

    @Property(tries = 500)
    void findsWhatSortingPutsAtTheIndex(@ForAll @Size(min = 1, max = 300) float[] values, @ForAll @IntRange(max = 299) int k) {
        float[] finite = values.clone();
        for (int i = 0; i < finite.length; i++) {
            if (Float.isNaN(finite[i])) {
                finite[i] = 0;
            }
        }
        int index = k % finite.length;
        float[] sorted = finite.clone();
        Arrays.sort(sorted);
        float[] work = finite.clone();
        float found = Select.kth(work, work.length, index);
        assertThat(found == sorted[index]).as("%s at %d, sorted has %s", found, index, sorted[index]).isTrue(); // -0 == 0
        Arrays.sort(work);
        assertThat(work).as("only reordered").containsExactly(sorted);
    }

    @Property(tries = 200)
    void handlesManyEqualValues(@ForAll @Size(min = 1, max = 300) byte[] small, @ForAll @IntRange(max = 299) int k) {
        float[] values = new float[small.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = small[i] % 3;
        }
        int index = k % values.length;
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(Select.kth(values.clone(), values.length, index)).isEqualTo(sorted[index]);
    }
}
