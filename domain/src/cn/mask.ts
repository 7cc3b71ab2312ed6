// Display masks for personal data. They never throw: odd or short input is
// masked more aggressively rather than revealed.

import { parseMobile } from './mobile.ts';

function keepEnds(value: string | null | undefined, head: number, tail: number): string {
  const chars = Array.from((value ?? '').trim());
  const hidden = chars.length - head - tail;
  // Reveal the ends only when at least one character in the middle stays hidden.
  if (hidden < 1) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(hidden) + chars.slice(chars.length - tail).join('');
}

/** `110105********002X`: first 6 and last 4 characters kept, length unchanged. */
export function maskCitizenId(id: string | null | undefined): string {
  return keepEnds(id, 6, 4);
}

/** `138****1234`: a valid mobile is normalised first (e.g. +86 and dashes dropped). */
export function maskMobile(mobile: string | null | undefined): string {
  const parsed = parseMobile(mobile);
  return keepEnds(parsed.ok ? parsed.value : mobile, 3, 4);
}

/** `张*`, `张**`: first character kept; a one-character name becomes `*`. */
export function maskName(name: string | null | undefined): string {
  return keepEnds(name, 1, 0);
}
