import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  checkRectificationTable,
  DEFAULT_RECTIFICATION_TABLE,
  HAZARD_CATEGORIES,
  HAZARD_CATEGORY_LABELS,
  isFindingOverdue,
  isHazardCategory,
  isSeverity,
  rectificationDeadline,
  SEVERITIES,
  SEVERITY_LABELS,
} from './rectification.ts';

describe('rectification deadline by severity', () => {
  it('gives critical 1 day with a stop-work order, major 3 days, minor 7 days', () => {
    expect(rectificationDeadline('critical', '2026-03-02')).toEqual({
      deadline: '2026-03-03',
      days: 1,
      stopWork: true,
    });
    expect(rectificationDeadline('major', '2026-03-02')).toEqual({
      deadline: '2026-03-05',
      days: 3,
      stopWork: false,
    });
    expect(rectificationDeadline('minor', '2026-03-02')).toEqual({
      deadline: '2026-03-09',
      days: 7,
      stopWork: false,
    });
  });

  it('counts calendar days across weekends, month ends, leap days and holidays', () => {
    // 2024-02-28 is a Wednesday; 2024 is a leap year; Spring Festival 2024 starts 02-10
    expect(rectificationDeadline('minor', '2024-02-28').deadline).toBe('2024-03-06');
    expect(rectificationDeadline('major', '2024-02-08').deadline).toBe('2024-02-11');
    expect(rectificationDeadline('critical', '2025-12-31').deadline).toBe('2026-01-01');
  });

  it('uses a configured table', () => {
    const strict = {
      critical: { days: 1, stopWork: true },
      major: { days: 2, stopWork: true },
      minor: { days: 5, stopWork: false },
    };
    expect(rectificationDeadline('major', '2026-03-02', strict)).toEqual({
      deadline: '2026-03-04',
      days: 2,
      stopWork: true,
    });
  });

  it('refuses a bad date, unknown severity or bad table, naming the problem', () => {
    expect(() => rectificationDeadline('minor', '2026-02-30')).toThrow(/from is not a valid YYYY-MM-DD/);
    // @ts-expect-error: not a severity
    expect(() => rectificationDeadline('urgent', '2026-03-02')).toThrow(/unknown severity "urgent"/);
    expect(() =>
      checkRectificationTable({ ...DEFAULT_RECTIFICATION_TABLE, major: { days: 0, stopWork: false } }),
    ).toThrow(/"major" must be a whole number >= 1, got 0/);
    expect(() =>
      checkRectificationTable({ ...DEFAULT_RECTIFICATION_TABLE, critical: { days: 5, stopWork: true } }),
    ).toThrow(/"critical" \(5\) exceed those for the less severe "major" \(3\)/);
    expect(() =>
      rectificationDeadline('minor', '2026-03-02', {
        ...DEFAULT_RECTIFICATION_TABLE,
        minor: { days: 1.5, stopWork: false },
      }),
    ).toThrow(/"minor" must be a whole number/);
    expect(() => checkRectificationTable(DEFAULT_RECTIFICATION_TABLE)).not.toThrow();
  });
});

describe('overdue', () => {
  it('is overdue only after the deadline day and while not closed', () => {
    const f = { status: 'open', deadline: '2026-03-05' };
    expect(isFindingOverdue(f, '2026-03-05')).toBe(false);
    expect(isFindingOverdue(f, '2026-03-06')).toBe(true);
    for (const status of ['replied', 'failed', 'passed']) {
      expect(isFindingOverdue({ ...f, status }, '2026-03-06')).toBe(true);
    }
    expect(isFindingOverdue({ ...f, status: 'closed' }, '2026-04-01')).toBe(false);
  });
});

describe('labels and guards', () => {
  it('labels every category and severity in Chinese and English', () => {
    expect(HAZARD_CATEGORIES).toHaveLength(9);
    for (const c of HAZARD_CATEGORIES) {
      expect(HAZARD_CATEGORY_LABELS[c].zh).toMatch(/\p{Script=Han}/u);
      expect(HAZARD_CATEGORY_LABELS[c].en).toMatch(/^[A-Z]/);
      expect(isHazardCategory(c)).toBe(true);
    }
    expect(HAZARD_CATEGORY_LABELS.fall_from_height.zh).toBe('高处坠落');
    expect(SEVERITIES.map((s) => SEVERITY_LABELS[s].zh)).toEqual(['一般', '较大', '重大']);
    expect(isHazardCategory('landslide')).toBe(false);
    expect(isSeverity('critical')).toBe(true);
    expect(isSeverity('Critical')).toBe(false);
  });

  it('adds and counts calendar days', () => {
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(calendarDaysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(calendarDaysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
