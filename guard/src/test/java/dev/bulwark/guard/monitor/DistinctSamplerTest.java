package dev.bulwark.guard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistinctSamplerTest {
    @Test
    void exactBelowCapacityAndCloseAboveIt() {
        DistinctSampler s = new DistinctSampler(128, 7);
        for (int i = 0; i < 100; i++) {
            s.add(-1 - i, 0, 0);
            s.add(-1 - i, 0, 0); // a repeat is not a new prompt
        }
        assertThat(s.estimate(0)).isEqualTo(100);
        for (int i = 0; i < 20_000; i++) {
            s.add(Hashing.finish(i), 0, 0);
        }
        assertThat(s.estimate(0)).isBetween(20_100L * 7 / 10, 20_100L * 13 / 10);
    }

    @Test
    void promptsLeaveWithTheWindow() {
        DistinctSampler s = new DistinctSampler(16, 1);
        s.add(1, 0, 0);
        s.add(2, 5, 0);
        assertThat(s.estimate(0)).isEqualTo(2);
        assertThat(s.estimate(1)).isEqualTo(1);
        assertThat(s.estimate(6)).isZero();
    }
}
