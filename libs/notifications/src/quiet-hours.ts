import { VIETNAM_UTC_OFFSET_MINUTES } from '@epw/domain';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string) => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Milliseconds to wait until quiet hours (Vietnam time, may wrap midnight) end; 0 outside them. */
export function quietDelayMs(
  nowMs: number,
  quietFrom: string | null,
  quietTo: string | null,
): number {
  if (!quietFrom || !quietTo) return 0;
  const from = minutesOf(quietFrom);
  const to = minutesOf(quietTo);
  if (from === null || to === null || from === to) return 0;
  const local = new Date(nowMs + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  const now = local.getUTCHours() * 60 + local.getUTCMinutes();
  const inside = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return 0;
  const wait = (to - now + 24 * 60) % (24 * 60);
  return wait * 60_000 - local.getUTCSeconds() * 1000 - local.getUTCMilliseconds();
}

export function isQuietTime(value: string): boolean {
  return HHMM.test(value);
}
