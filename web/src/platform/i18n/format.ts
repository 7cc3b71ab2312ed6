import { formatFen, formatWan } from '@gongfu/domain/cn/money';
import { useMemo } from 'react';
import { useI18n } from './i18n.tsx';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-02 14:05:09` in China (Asia/Shanghai), whatever the browser's time zone and language. */
function shanghaiParts(iso: string): { date: string; time: string } | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p: Record<string, string> = {};
  for (const part of formatter.formatToParts(d)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/**
 * An instant as date and time in China. The same numeric form in both languages
 * (YYYY-MM-DD HH:mm:ss), as Chinese government forms write it.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = shanghaiParts(iso);
  return p ? `${p.date} ${p.time}` : iso;
}

/** An instant as a calendar date in China (Asia/Shanghai). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return shanghaiParts(iso)?.date ?? iso;
}

/** Money is stored as integer fen; shown in yuan: `¥1,234.56`. */
export const formatYuan = (fen: number): string => formatFen(fen);

/**
 * The page's formatters (dates in Asia/Shanghai, money from fen). `wan` states an amount as the
 * page's language does: `5,000万元`, `50 million yuan`.
 */
export function useFormat() {
  const { lang } = useI18n();
  return useMemo(
    () => ({
      dateTime: formatDateTime,
      date: formatDate,
      yuan: formatYuan,
      wan: (fen: number) => formatWan(fen, lang),
    }),
    [lang],
  );
}
