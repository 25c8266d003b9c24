import { crossChannelConsistency } from './consistency';

describe('crossChannelConsistency', () => {
  it('measures three channels scoring 80, 90 and 100', () => {
    // spread = 100 − 80 = 20. μ = 90; σ (population) = √((10² + 0² + 10²) / 3) = √66.6667 = 8.164966;
    // σ/μ = 0.090722, index = 100 × (1 − 0.090722) = 90.927816.
    const { spread, index } = crossChannelConsistency([80, 90, 100]);

    expect(spread).toBe(20);
    expect(index).toBeCloseTo(90.927816, 5);
  });

  it('uses the population, not the sample, standard deviation: two channels at 60 and 80', () => {
    // μ = 70, σ = √((10² + 10²) / 2) = 10 (the sample sd would be 14.142136),
    // index = 100 × (1 − 10/70) = 85.714286.
    expect(crossChannelConsistency([60, 80])).toEqual({ spread: 20, index: expect.closeTo(85.714286, 5) });
  });

  it('does not depend on the order of the channels', () => {
    expect(crossChannelConsistency([100, 80, 90])).toEqual(crossChannelConsistency([80, 90, 100]));
  });

  it('floors the index at 0 when the spread outweighs the mean: channels at 0, 0, 0 and 100', () => {
    // μ = 25, σ = √((3 × 25² + 75²) / 4) = √1875 = 43.301270; 1 − 43.30/25 = −0.732051 → 0.
    expect(crossChannelConsistency([0, 0, 0, 100])).toEqual({ spread: 100, index: 0 });
  });

  it('scores identical channels 100, even when all of them are at 0 (σ/μ would be 0/0)', () => {
    expect(crossChannelConsistency([75, 75, 75])).toEqual({ spread: 0, index: 100 });
    expect(crossChannelConsistency([0, 0])).toEqual({ spread: 0, index: 100 });
  });

  it('has nothing to compare with a single channel', () => {
    expect(crossChannelConsistency([82.5])).toEqual({ spread: null, index: null });
  });

  it('has nothing to say without channels', () => {
    expect(crossChannelConsistency([])).toEqual({ spread: null, index: null });
  });
});
