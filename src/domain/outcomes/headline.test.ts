import { describe, expect, it } from 'vitest';
import { headlineFigures } from './headline.ts';

describe('the brief\'s headline figures', () => {
  it('sums, shares and districts above the state, by group; districts without a count are left out of that group', () => {
    const f = headlineFigures(
      '2023-24',
      [
        { code: 'A', enrollment: 100, counts: { ell: 30, sped: 10 } },
        { code: 'B', enrollment: 300, counts: { ell: 15, sped: null } },
        { code: 'C', enrollment: 600, counts: { ell: 15, sped: 60 } },
        { code: 'D', enrollment: null, counts: { ell: 5 } },
      ],
      new Set(['A', 'B', 'E']),
    );
    expect(f.enrollment).toEqual({ alliance: 400, state: 1000, share: 0.4, districtsWithout: 1 });
    const ell = f.groups.find((g) => g.group === 'ell')!;
    // State share of ELL 60/1000 = 6%: A (30%) is above, B (5%) is not.
    expect(ell).toMatchObject({ alliance: 45, state: 60, shareOfState: 0.75, stateShare: 0.06, districtsAbove: 1, districtsCounted: 2 });
    const sped = f.groups.find((g) => g.group === 'sped')!;
    expect(sped).toMatchObject({ alliance: 10, state: 70, districtsCounted: 1 });
    expect(sped.stateShare).toBeCloseTo(70 / 700);
    expect(f.notInData).toEqual(['high-needs']);
  });
});
