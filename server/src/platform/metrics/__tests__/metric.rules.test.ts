import { describe, expect, it } from 'vitest';
import { narrowRegions } from '../metric.rules.ts';

describe('the regions a figure covers', () => {
  it('is the caller’s scope narrowed to the region asked for', () => {
    expect(narrowRegions(null, null)).toBeNull();
    expect(narrowRegions(null, '330523')).toEqual(['330523']);
    expect(narrowRegions(['330523'], null)).toEqual(['330523']);
    // inside the scope: the region; around it: the scope's part of it; elsewhere: nothing
    expect(narrowRegions(['3305'], '330523')).toEqual(['330523']);
    expect(narrowRegions(['330523', '331023'], '33')).toEqual(['330523', '331023']);
    expect(narrowRegions(['330523'], '331023')).toEqual([]);
  });
});
